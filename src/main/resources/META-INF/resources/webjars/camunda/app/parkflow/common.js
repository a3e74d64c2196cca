/*
 * What every Parkflow webapp plugin needs (Tasklist and Cockpit): where the application lives, the
 * CSRF token for changes, dates in Asia/Shanghai, building elements, and a refusal's Chinese text.
 * A plain ES module, imported by the plugins beside it; no build step.
 */

/** The application's context root, from the webapp's API base (…/camunda/api/engine). */
export function contextRoot(api) {
  return api && api.baseApi ? api.baseApi.replace(/\/camunda\/api\/.*$/, '') : '';
}

/** The webapps' CSRF token, from the plugin API or the XSRF-TOKEN cookie. */
export function csrf(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** An instant as Shanghai local time, 2026-10-09 17:30; a dash when there is none. */
export function shanghai(instant) {
  if (!instant) {
    return '—';
  }
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false
  }).format(new Date(instant)).replace(/\//g, '-');
}

/** An element with attributes (on… names become listeners; empty values are left out) and children. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => node.append(child === null || child === undefined ? '' : child));
  return node;
}

/** The Chinese sentence of a refused request (our problem details, or the engine's message). */
export async function problemText(response) {
  try {
    const body = await response.json();
    return body.detail || body.message || body.title || `请求未成功（${response.status}）`;
  } catch (notJson) {
    return `请求未成功（${response.status}）`;
  }
}
