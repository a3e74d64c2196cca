/*
 * Parkflow Tasklist script: actions shown only to whoever the engine allows to take them. Tasklist
 * shows them to everyone and lets the engine refuse afterwards; here the engine's own
 * authorization check decides, asked once per permission after the login, and the action is
 * removed when it says no. The engine (and our engine-API allow list) refuses them regardless.
 * - 新建任务 (a task outside any process): CREATE on the Task resource (nobody but admins by our baseline).
 * - 添加办理部门 (a task's candidate groups): UPDATE on every task (admins only; a department hands
 *   work over with 转办 or 委派, which check and audit it). Without it the groups are shown as text.
 * No plugin point, no build step.
 */
const API = '/camunda/api/engine/engine/default/authorization/check';
const CREATE_TASKS = API + '?permissionName=CREATE&resourceName=task&resourceType=7';
const CHANGE_ANY_TASK = API + '?permissionName=UPDATE&resourceName=task&resourceType=7&resourceId=*';

const answers = {};

async function allowed(check) {
  if (!(check in answers)) {
    answers[check] = fetch(check, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (response) => response.ok && (await response.json()).authorized === true)
      .catch(() => false);
  }
  return answers[check];
}

/** The task's 办理部门 as plain text: no 添加办理部门, no dialog to change them. */
function groupsAsText() {
  document.querySelectorAll('[cam-tasklist-task-meta] li.groups').forEach((groups) => {
    if (groups.querySelector('[translate=ADD_GROUPS]')) {
      groups.remove();
      return;
    }
    if (!groups.dataset.parkflowReadOnly) {
      groups.dataset.parkflowReadOnly = 'true';
      groups.classList.add('parkflow-read-only');
      // Tasklist opens its dialog from the span's click handler: stop the click before it gets there
      groups.addEventListener('click', (event) => {
        event.stopPropagation();
        event.preventDefault();
      }, true);
    }
  });
}

new MutationObserver(async () => {
  if (document.querySelector('.create-task-action') && !(await allowed(CREATE_TASKS))) {
    document.querySelectorAll('.create-task-action').forEach((action) => action.remove());
  }
  if (document.querySelector('[cam-tasklist-task-meta] li.groups:not([data-parkflow-read-only])')
      && !(await allowed(CHANGE_ANY_TASK))) {
    groupsAsText();
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
