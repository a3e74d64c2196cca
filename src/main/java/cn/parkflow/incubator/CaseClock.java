package cn.parkflow.incubator;

/**
 * The statutory clock of a case as this process needs it. Implemented over the calendar kernel's
 * {@code StatutoryClock}; a port so the process can be tested without the kernel.
 */
interface CaseClock {

    void start(String caseNumber, int workingDays, String actor);

    void pause(String caseNumber, String reason, String actor);

    void resume(String caseNumber, String actor);
}
