package cn.parkflow.casefile;

/**
 * A module that keeps data of a case implements this to delete them when the case's retention ends
 * ({@link CaseRetention}); it runs in the transaction that anonymises the case record.
 */
public interface CaseDataRetention {

    /** What is removed, e.g. {@code outbox}: the key under which the removed rows are counted. */
    String kind();

    /** Deletes the case's data; returns the number of rows removed. */
    int removeCaseData(String caseNumber);
}
