/*
 * Parkflow Cockpit script: the buttons that change something (cancel or delete an instance,
 * suspend, edit or delete variables, retry jobs, change a task's people, delete a deployment, ...)
 * are shown only to whoever the engine allows to make that change. Cockpit shows them to everyone
 * with read access (the supervisors) and lets the engine refuse afterwards; here the engine's own
 * authorization check decides, asked once per permission after the login, and the buttons are
 * hidden when it says no. The engine and our engine-API allow list refuse them regardless, with a
 * Chinese message. No plugin point, no build step.
 */
const API = '/camunda/api/engine/engine/default/authorization/check';

/** A permission on every resource of a type (resourceId *), as the engine's authorization check takes it. */
const check = (permission, resourceName, resourceType) =>
  `${API}?permissionName=${permission}&resourceName=${resourceName}&resourceType=${resourceType}&resourceId=*`;

/** Which buttons need which permission; the first rule an element matches decides. */
const RULES = [
  {
    permission: check('DELETE', 'processInstance', 8),
    selectors: ['[ng-click^="cancelProcessInstance"]', '[ng-click^="ctrl.openDeleteModal"]',
      '[ng-click^="openBatchOperation"]']
  },
  {
    permission: check('DELETE', 'deployment', 9),
    selectors: ['[ng-click^="deleteDeployment"]', '[ng-click^="onDelete"]']
  },
  {
    permission: check('UPDATE', 'processInstance', 8),
    selectors: ['a.action-button', '.ctn-toolbar .btn', '[cam-widget-variables-table] .actions',
      '[ng-click^="editVariableValue"]', '[ng-click^="deleteVariable"]', '[ng-click^="enableEditMode"]',
      '[ng-click^="uploadVariable"]', '[ng-click^="ctrl.retryJob"]', '[ng-click^="ctrl.retryAll"]',
      '[ng-click^="ctrl.deleteJob"]', '[ng-click^="retryFailedJobs"]', '[ng-click^="toggleSuspension"]',
      '[ng-click^="ctrl.toggleSuspension"]', '[ng-click^="openRecalculationWindow"]',
      '[ng-click^="changeGroupIdentityLinks"]', '[ng-click^="changeUserIdentityLinks"]',
      '[ng-click^="startEditing"]', '[ng-click^="updateAnnotation"]']
  }
];

const answers = {};

function allowed(permission) {
  if (!(permission in answers)) {
    answers[permission] = fetch(permission, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (response) => response.ok && (await response.json()).authorized === true)
      .catch(() => false);
  }
  return answers[permission];
}

async function hideWhatIsNotAllowed() {
  for (const rule of RULES) {
    const shown = [...document.querySelectorAll(rule.selectors.join(','))]
      .filter((element) => !element.classList.contains('parkflow-not-allowed'));
    if (shown.length > 0 && !(await allowed(rule.permission))) {
      shown.forEach((element) => {
        element.classList.add('parkflow-not-allowed');
        element.style.setProperty('display', 'none', 'important');
      });
    }
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      hideWhatIsNotAllowed();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
