package cn.parkflow.casefile;

/**
 * A file the server issues for a case (an official document), as {@link IssuedDocuments} stores it.
 *
 * @param kind           the kind's code, e.g. the template id {@code incubator-certificate}
 * @param kindLabel      how the case lists the kind, e.g. 认定证书
 * @param documentNumber the number printed on it, e.g. 闵科孵认〔2026〕3号
 * @param step           names the step that issued it, e.g. process instance + activity instance + template;
 *                       one document per case and step
 */
public record IssuedFile(String kind, String kindLabel, String documentNumber, String fileName, String contentType,
                         byte[] content, String step) {
}
