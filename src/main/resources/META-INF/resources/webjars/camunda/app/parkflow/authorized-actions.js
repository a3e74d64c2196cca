/*
 * Parkflow Tasklist script: 新建任务 (a task outside any process) is shown only to whoever the
 * engine allows to create tasks (CREATE on the Task resource; nobody but admins by our baseline).
 * Tasklist shows the button to everyone and lets the engine refuse afterwards; here the engine's
 * own authorization check decides, asked once after the login, and the button is removed when
 * it says no. The engine refuses the creation regardless. No plugin point, no build step.
 */
const CHECK = '/camunda/api/engine/engine/default/authorization/check'
  + '?permissionName=CREATE&resourceName=task&resourceType=7';

let allowed = null;

async function mayCreateTasks() {
  if (allowed === null) {
    try {
      const response = await fetch(CHECK, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      allowed = response.ok && (await response.json()).authorized === true;
    } catch (unreachable) {
      allowed = false;
    }
  }
  return allowed;
}

function hide() {
  document.querySelectorAll('.create-task-action').forEach((action) => action.remove());
}

new MutationObserver(async () => {
  if (document.querySelector('.create-task-action') && !(await mayCreateTasks())) {
    hide();
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
