package cn.parkflow.portal;

/**
 * One case as 我的案件 lists it, every text ready to show: status and step in Chinese, the
 * deadline in Asia/Shanghai, and the next action of the viewer (with the link to the task in
 * Tasklist) or whom the case waits for.
 */
record CaseRow(String number, String title, String status, String currentStep, String department, String deadline,
               String nextAction, String nextActionLink) {
}
