package cn.parkflow.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF with openhtmltopdf over PDFBox. The only fonts are the bundled Noto Serif SC
 * (regular and bold, {@code classpath:documents/fonts/}), embedded as subsets of the glyphs a
 * document uses, with their Unicode mapping, so Chinese displays without any font installed and
 * copies out as text. Templates name the family {@value #FAMILY}.
 */
@Component
class PdfWriter {

    static final String FAMILY = "Noto Serif SC";

    private final byte[] regular = font("NotoSerifSC-Regular.ttf");
    private final byte[] bold = font("NotoSerifSC-Bold.ttf");

    byte[] write(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] font(String file) {
        try (var in = new ClassPathResource("documents/fonts/" + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Font missing: documents/fonts/" + file, e);
        }
    }
}
