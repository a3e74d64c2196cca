/*
 * Parkflow Tasklist plugin: a 材料 tab beside each task. It lists the documents of the task's case
 * (kind, file, size, who uploaded it, when, a link that opens it through the case page) and lets
 * the task's worker upload the kinds the step declares (DocumentKinds#uploadsAtSteps: the
 * applicant's 上传申报材料 and 补正 steps); a kind still missing is marked. The server refuses to
 * complete a step while a kind it requires is missing. Data from our API (/api/documents?task=…,
 * POST /api/cases/{number}/documents) with the Tasklist login session and its CSRF token.
 * A plain ES module: no build step.
 */

import { contextRoot, shanghai, element, problemText } from './common.js';
const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,application/ofd,image/jpeg,image/png';

function size(bytes) {
  if (bytes < 1024) {
    return `${bytes} 字节`;
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function documentTable(root, caseNumber, documents) {
  if (documents.length === 0) {
    return element('p', { class: 'text-muted parkflow-no-documents' }, `案件 ${caseNumber} 尚无材料。`);
  }
  const header = element('tr', {}, ...['材料类别', '文件', '大小', '上传人', '上传时间', ''].map((t) => element('th', {}, t)));
  const rows = documents.map((d) => element('tr', { 'data-kind': d.kind },
    element('td', {}, d.kindLabel + (d.documentNumber ? `（${d.documentNumber}）` : '')),
    element('td', {}, d.fileName),
    element('td', {}, size(d.sizeBytes)),
    element('td', {}, d.uploadedBy),
    element('td', {}, shanghai(d.uploadedAt)),
    element('td', {}, element('a', {
      href: `${root}/portal/cases/${encodeURIComponent(caseNumber)}/documents/${d.id}`,
      target: '_blank', rel: 'noopener', class: 'parkflow-open-document'
    }, '打开'))));
  return element('table', { class: 'table table-condensed parkflow-documents' },
    element('thead', {}, header), element('tbody', {}, rows));
}

function uploadForm(root, api, caseNumber, uploadable, refresh) {
  const missing = uploadable.filter((kind) => !kind.present);
  const kind = element('select', { class: 'form-control', id: 'parkflow-document-kind' },
    uploadable.map((k) => element('option', { value: k.code }, `${k.label}${k.present ? '（已上传）' : '（尚缺）'}`)));
  if (missing.length > 0) {
    kind.value = missing[0].code;
  }
  const file = element('input', { type: 'file', class: 'form-control', id: 'parkflow-document-file', accept: ACCEPT });
  const message = element('p', { class: 'parkflow-upload-message', role: 'status' });
  const button = element('button', { type: 'button', class: 'btn btn-default', id: 'parkflow-upload-document' }, '上传');
  button.addEventListener('click', async () => {
    if (!file.files.length) {
      message.textContent = '请选择要上传的文件。';
      message.className = 'parkflow-upload-message text-danger';
      return;
    }
    button.disabled = true;
    const body = new FormData();
    body.append('kind', kind.value);
    body.append('file', file.files[0]);
    const response = await fetch(`${root}/api/cases/${encodeURIComponent(caseNumber)}/documents`, {
      method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': api.CSRFToken }, body
    });
    button.disabled = false;
    if (response.ok) {
      const added = await response.json();
      await refresh(`已上传：${added.kindLabel}（${added.fileName}）`);
    } else {
      message.textContent = await problemText(response);
      message.className = 'parkflow-upload-message text-danger';
    }
  });
  const still = missing.length === 0 ? '本环节要求的材料均已上传。'
    : `尚缺：${missing.map((k) => k.label).join('、')}`;
  return element('div', { class: 'parkflow-upload' },
    element('h4', {}, '上传本环节材料'),
    element('p', { class: missing.length === 0 ? 'text-success' : 'text-warning', id: 'parkflow-missing-kinds' }, still),
    element('div', { class: 'form-group' }, element('label', { for: 'parkflow-document-kind' }, '材料类别'), kind),
    element('div', { class: 'form-group' },
      element('label', { for: 'parkflow-document-file' }, '文件（PDF、OFD、JPG、PNG，不超过 20 MB）'), file),
    button, message);
}

async function render(node, { taskId, api }) {
  const root = contextRoot(api);
  const load = async (notice) => {
    const response = await fetch(`${root}/api/documents?task=${encodeURIComponent(taskId)}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      node.replaceChildren(element('p', { class: 'text-muted' }, await problemText(response)));
      return;
    }
    const { caseNumber, documents, uploadable } = await response.json();
    const panel = element('div', { class: 'parkflow-documents-panel' },
      element('p', {}, `案件编号：${caseNumber}`), documentTable(root, caseNumber, documents));
    if (uploadable.length > 0) {
      panel.append(uploadForm(root, api, caseNumber, uploadable, load));
    }
    if (notice) {
      panel.append(element('p', { class: 'text-success parkflow-upload-message', role: 'status' }, notice));
    }
    node.replaceChildren(panel);
  };
  node.replaceChildren(element('p', {}, '正在读取案件材料……'));
  await load();
}

export default [{
  id: 'parkflow.caseDocuments',
  pluginPoint: 'tasklist.task.detail',
  priority: 6,
  label: '材料',
  render
}];
