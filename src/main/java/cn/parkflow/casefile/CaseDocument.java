package cn.parkflow.casefile;

import java.time.Instant;

/**
 * A document stored with a case, as it is listed (the content is downloaded separately). An official
 * document the server issued has its {@code documentNumber} (e.g. 闵科孵认〔2026〕3号) and the
 * {@code sha256} of its PDF; an upload has neither.
 */
public record CaseDocument(long id, String kind, String kindLabel, String fileName, String contentType,
                           long sizeBytes, String uploadedBy, Instant uploadedAt, String documentNumber,
                           String sha256) {

    public boolean isIssued() {
        return documentNumber != null;
    }
}
