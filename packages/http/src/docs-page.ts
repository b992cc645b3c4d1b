/**
 * The documentation page (接口文档页) at `/docs`: one self-contained HTML page that reads
 * `openapi.json` beside it and lists every operation with its parameters, bodies, responses
 * and schemas. Nothing is loaded from elsewhere.
 */
export const docsPage = `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ruralkit HTTP API</title>
<style>
body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#fafafa}
header{background:#0b5394;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:8px 0}
summary{cursor:pointer;padding:8px 12px;display:flex;gap:12px;align-items:baseline}
.m{font-weight:700;font-family:monospace;min-width:48px}.GET{color:#1a7f37}.POST{color:#0b5394}
.p{font-family:monospace}.s{color:#57606a}
.body{padding:0 12px 12px}table{border-collapse:collapse;width:100%;margin:6px 0}
td,th{border:1px solid #e1e4e8;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:360px;font-size:12px}
</style>
</head>
<body>
<header><h1>ruralkit HTTP API</h1><div id="info">乡村振兴方案评估与流程接口 · rural revitalization plan evaluation and workflows · <a style="color:#fff" href="openapi.json">openapi.json</a></div></header>
<main id="root">加载中… loading…</main>
<script>
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const json = (v) => '<pre>' + esc(JSON.stringify(v, null, 2)) + '</pre>';
fetch('openapi.json').then((r) => r.json()).then((doc) => {
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) (byTag[op.tags?.[0] ?? 'other'] ??= []).push({ path, method: method.toUpperCase(), op });
  }
  let html = '<p>' + esc(doc.info.description) + '</p><p>Version ' + esc(doc.info.version) + ' · OpenAPI ' + esc(doc.openapi) + '</p>';
  for (const [tag, list] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of list) {
      html += '<details id="' + esc(op.operationId) + '"><summary><span class="m ' + method + '">' + method + '</span><span class="p">' + esc(path) + '</span><span class="s">' + esc(op.summary) + (op.security && op.security.length === 0 ? ' · open' : '') + '</span></summary><div class="body">';
      if (op.description) html += '<p>' + esc(op.description) + '</p>';
      html += '<p>operationId <code>' + esc(op.operationId) + '</code></p>';
      if (op.parameters) {
        html += '<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>';
        for (const p of op.parameters) html += '<tr><td><code>' + esc(p.name) + '</code></td><td>' + esc(p.in) + '</td><td>' + (p.required ? 'yes' : '') + '</td><td><code>' + esc(JSON.stringify(p.schema)) + '</code></td><td>' + esc(p.description) + '</td></tr>';
        html += '</table>';
      }
      if (op.requestBody) for (const [type, media] of Object.entries(op.requestBody.content)) html += '<p>Request body <code>' + esc(type) + '</code></p>' + json(media.schema);
      for (const [status, response] of Object.entries(op.responses)) {
        html += '<p><b>' + esc(status) + '</b> ' + esc(response.description) + '</p>';
        for (const [type, media] of Object.entries(response.content ?? {})) html += '<p><code>' + esc(type) + '</code></p>' + json(media.schema);
      }
      html += '</div></details>';
    }
  }
  html += '<h2>schemas</h2>';
  for (const [name, schema] of Object.entries(doc.components.schemas)) html += '<details id="schema-' + esc(name) + '"><summary><span class="p">' + esc(name) + '</span></summary><div class="body">' + json(schema) + '</div></details>';
  document.getElementById('root').innerHTML = html;
}).catch((e) => { document.getElementById('root').textContent = '无法读取 openapi.json / cannot read openapi.json: ' + e; });
</script>
</body>
</html>
`;
