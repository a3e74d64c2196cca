package cn.parkflow.casefile;

import java.time.Instant;

/** A document stored with a case, as it is listed (the content is downloaded separately). */
public record CaseDocument(long id, String kind, String kindLabel, String fileName, String contentType,
                           long sizeBytes, String uploadedBy, Instant uploadedAt) {
}
