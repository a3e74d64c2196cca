/*
 * Parkflow Tasklist plugin: a 法定时限 tab beside each task. It shows the statutory clock of the
 * task's case (limit, start, deadlines, pauses, extensions) and lets an officer of the case's
 * department ask for more time with a reason; the process's declared group approves the request
 * as a task of its own. Data from our API (/api/calendar/clocks), with the Tasklist login session
 * and its CSRF token. A plain ES module: no build step.
 */

import { contextRoot, shanghai, element, problemText } from './common.js';
const UNITS = { WORKING: '个工作日', CALENDAR: '个自然日', MONTH: '个月' };

function state(clock) {
  if (clock.stoppedAt) {
    return '已停止（已作出决定）';
  }
  if (clock.paused) {
    return '暂停中';
  }
  return new Date(clock.currentDeadline) < new Date() ? '已届满' : '计时中';
}

function row(label, value) {
  return element('tr', {}, element('th', {}, label), element('td', {}, value));
}

function clockTable(caseNumber, clock) {
  const limit = `${clock.limit} ${UNITS[clock.unit] || ''}`;
  return element('table', { class: 'table table-condensed parkflow-clock' },
    element('tbody', {},
      row('案件编号', caseNumber),
      row('法定时限', limit),
      row('状态', state(clock)),
      row('起算时间', shanghai(clock.startedAt)),
      row('原定届满', shanghai(clock.originalDeadline)),
      row('当前届满', shanghai(clock.currentDeadline)),
      row('暂停', clock.pauses.length === 0 ? '无'
        : clock.pauses.map((p) => `${p.reason}：${shanghai(p.pausedAt)} 起${p.resumedAt ? `，${shanghai(p.resumedAt)} 恢复（${p.days} 天不计）` : '，暂停中'}`).join('；')),
      row('延长', clock.extensions.length === 0 ? '无'
        : clock.extensions.map((e) => `延长 ${e.days} ${clock.unit === 'MONTH' ? '个月' : '天'}（${e.approver} 批准：${e.reason}）`).join('；'))));
}

function extensionForm(root, api, caseNumber) {
  const reason = element('textarea', { class: 'form-control', rows: '3', maxlength: '200', id: 'parkflow-extension-reason',
    placeholder: '例如：需补充现场核查，预计需再延长 5 个工作日' });
  const message = element('p', { class: 'parkflow-extension-message', role: 'status' });
  const button = element('button', { type: 'button', class: 'btn btn-default', id: 'parkflow-request-extension' }, '申请延长法定时限');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const response = await fetch(`${root}/api/calendar/clocks/${encodeURIComponent(caseNumber)}/extension-requests`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
      body: JSON.stringify({ reason: reason.value })
    });
    message.textContent = response.ok ? (await response.json()).status : await problemText(response);
    message.className = `parkflow-extension-message ${response.ok ? 'text-success' : 'text-danger'}`;
    button.disabled = response.ok;
    message.scrollIntoView({ block: 'nearest' });
  });
  return element('div', { class: 'form-group' },
    element('label', { for: 'parkflow-extension-reason' }, '延长理由（由时限审批部门审批）'), reason, button, message);
}

async function render(node, { taskId, api }) {
  const root = contextRoot(api);
  node.replaceChildren(element('p', {}, '正在读取法定时限……'));
  const response = await fetch(`${root}/api/calendar/clocks?task=${encodeURIComponent(taskId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    node.replaceChildren(element('p', { class: 'text-muted' }, await problemText(response)));
    return;
  }
  const { caseNumber, clock, mayRequestExtension } = await response.json();
  const panel = element('div', { class: 'parkflow-clock-panel' });
  if (!clock) {
    panel.append(element('p', { class: 'text-muted' }, `案件 ${caseNumber} 不计算法定时限。`));
  } else {
    panel.append(clockTable(caseNumber, clock));
    if (mayRequestExtension) {
      panel.append(extensionForm(root, api, caseNumber));
    }
  }
  node.replaceChildren(panel);
}

export default [{
  id: 'parkflow.statutoryClock',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  label: '法定时限',
  render
}];
