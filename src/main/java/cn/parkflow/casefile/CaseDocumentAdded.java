package cn.parkflow.casefile;

/**
 * Published in the upload's transaction, so a process can show the case's documents in its forms;
 * a listener that fails rolls the upload back.
 */
public record CaseDocumentAdded(String caseNumber, String caseType, CaseDocument document) {
}
