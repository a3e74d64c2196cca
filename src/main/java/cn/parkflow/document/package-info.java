/**
 * Kernel: official documents (公文) made from HTML templates and case data into numbered PDFs with an
 * embedded Chinese font, stored read-only with the case. A model declares them; the kernel knows no
 * process, only templates ({@code classpath:documents/*.html}) and the optional {@link
 * cn.parkflow.document.DocumentData} a process adds to them.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"calendar", "casefile", "engine"})
package cn.parkflow.document;

import org.springframework.modulith.ApplicationModule;
