/*
 * Parkflow Tasklist script: after a process is started in Tasklist, the new case's number stays on
 * screen (Tasklist's own toast "流程已发起。" disappears after 3 s without it) with a link to the
 * case page in 我的案件 (/portal/cases/{number}). The engine answers a start with the process
 * instance, whose business key is the case number the start listener gave it. Tasklist talks to
 * the engine with XMLHttpRequest; this watches its start requests only. No plugin point, no build step.
 */
const START = /\/process-definition\/[^/]+\/submit-form$/;

function contextRoot(url) {
  const at = url.indexOf('/camunda/api/');
  return at < 0 ? '' : url.substring(0, at);
}

function show(caseNumber, root) {
  document.querySelectorAll('.parkflow-case-started').forEach((old) => old.remove());
  const box = document.createElement('div');
  box.className = 'alert alert-success parkflow-case-started';
  box.setAttribute('role', 'status');
  box.style.cssText = 'position:fixed;top:60px;right:20px;z-index:2000;max-width:420px;box-shadow:0 2px 8px rgba(0,0,0,.2)';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  const text = document.createElement('p');
  text.append('已提交，案件编号 ');
  const number = document.createElement('strong');
  number.className = 'parkflow-case-number';
  number.textContent = caseNumber;
  text.append(number, '。请妥善保存以便查询；如有待办环节（如上传申报材料），请在“我的任务”中办理。');
  const link = document.createElement('a');
  link.href = `${root}/portal/cases/${encodeURIComponent(caseNumber)}`;
  link.textContent = '查看案件';
  box.append(close, text, link);
  document.body.append(box);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function parkflowOpen(method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const instance = JSON.parse(this.responseText);
        if (instance && instance.businessKey) {
          show(instance.businessKey, contextRoot(String(url)));
        }
      } catch (notJson) {
        // not an answer we know: Tasklist's own toast remains
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
