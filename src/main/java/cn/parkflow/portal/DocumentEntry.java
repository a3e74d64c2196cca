package cn.parkflow.portal;

import cn.parkflow.casefile.CaseDocument;

/** A case document as the case page lists it. */
record DocumentEntry(long id, String kind, String fileName, String size, String uploadedBy, String uploadedAt) {

    static DocumentEntry of(CaseDocument document) {
        String kind = document.kindLabel() + (document.isIssued() ? "（" + document.documentNumber() + "）" : "");
        long bytes = document.sizeBytes();
        String size = bytes < 1024 ? bytes + " 字节" : bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
                : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
        return new DocumentEntry(document.id(), kind, document.fileName(), size, document.uploadedBy(),
                PortalCases.format(document.uploadedAt()));
    }
}
