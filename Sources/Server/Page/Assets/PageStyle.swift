/// The page's stylesheet: light and dark themes from CSS variables, a sidebar, and one look per channel.
enum PageStyle {
    static let css = #"""
:root{
  --bg:#f5f6f8;--panel:#fff;--panel-2:#f9fafb;--border:#e3e6eb;--border-strong:#d0d5dd;--text:#1b1f24;--muted:#667085;
  --accent:#5b5bd6;--accent-soft:#eeefff;--accent-text:#4343b8;--ok:#12a150;--warn:#c27803;--warn-soft:#fff6e0;--bad:#d92d20;--bad-soft:#fff0ee;
  --code-bg:#f6f8fa;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08);--shadow-lg:0 12px 32px rgba(16,24,40,.14);
  --radius:10px;--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;
  --sans:-apple-system,BlinkMacSystemFont,"Segoe UI",Inter,Roboto,"Helvetica Neue",Arial,sans-serif;
  color-scheme:light;
}
@media (prefers-color-scheme:dark){:root[data-theme=auto]{
  --bg:#0e1014;--panel:#161920;--panel-2:#1b1f27;--border:#272c36;--border-strong:#363c48;--text:#e5e7eb;--muted:#8d95a3;
  --accent:#8a8cf7;--accent-soft:#23254a;--accent-text:#b4b5ff;--warn-soft:#2d2310;--bad-soft:#301614;--code-bg:#12151b;
  --shadow:0 1px 2px rgba(0,0,0,.4);--shadow-lg:0 12px 32px rgba(0,0,0,.5);color-scheme:dark}}
:root[data-theme=dark]{
  --bg:#0e1014;--panel:#161920;--panel-2:#1b1f27;--border:#272c36;--border-strong:#363c48;--text:#e5e7eb;--muted:#8d95a3;
  --accent:#8a8cf7;--accent-soft:#23254a;--accent-text:#b4b5ff;--warn-soft:#2d2310;--bad-soft:#301614;--code-bg:#12151b;
  --shadow:0 1px 2px rgba(0,0,0,.4);--shadow-lg:0 12px 32px rgba(0,0,0,.5);color-scheme:dark}
*{box-sizing:border-box}
[hidden]{display:none!important}
html,body{margin:0;height:100%}
body{background:var(--bg);color:var(--text);font:14px/1.5 var(--sans);-webkit-font-smoothing:antialiased}
a{color:var(--accent-text);text-decoration:none}a:hover{text-decoration:underline}
code{font:12.5px var(--mono)}
h1,h2,h3,h4{margin:0;font-weight:600}
.muted{color:var(--muted)}.small{font-size:12px}.grow{flex:1}
.icon{flex:none;vertical-align:-2px}

/* frame */
.app{display:grid;grid-template-columns:272px minmax(0,1fr);min-height:100vh}
.sidebar{position:sticky;top:0;height:100vh;overflow-y:auto;background:var(--panel);border-right:1px solid var(--border);padding:14px 10px 12px;display:flex;flex-direction:column;gap:6px}
.brand{display:flex;align-items:center;gap:10px;padding:4px 8px 10px;color:var(--text)}
.brand:hover{text-decoration:none}.brand .logo{color:var(--accent);display:flex}
.brand b{display:block;font-size:15px;letter-spacing:-.01em}.brand small{display:block;color:var(--muted);font-size:11.5px;margin-top:-3px}
.filter{display:flex;align-items:center;gap:6px;margin:0 4px 6px;padding:6px 9px;border:1px solid var(--border);border-radius:8px;background:var(--panel-2);color:var(--muted)}
.filter input{border:0;outline:0;background:transparent;color:var(--text);font:inherit;width:100%}
.side-section h2{display:flex;align-items:center;justify-content:space-between;font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:10px 10px 4px}
.side-section ul{list-style:none;margin:0;padding:0}
.side-section .none{color:var(--muted);padding:4px 10px;font-size:12.5px}
.count{font-size:11px;font-weight:500;color:var(--muted);background:var(--panel-2);border:1px solid var(--border);border-radius:999px;padding:0 7px;line-height:17px;text-transform:none;letter-spacing:0}
.side-item{display:flex;align-items:center;gap:8px;padding:6px 10px;border-radius:7px;color:var(--text)}
.side-item:hover{background:var(--panel-2);text-decoration:none}
.side-item.active{background:var(--accent-soft);color:var(--accent-text)}
.side-item .icon{color:var(--muted)}.side-item.active .icon{color:var(--accent-text)}
.side-name{display:flex;flex-direction:column;min-width:0;flex:1}
.side-name span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-weight:500;font-size:13.5px}
.side-name small{color:var(--muted);font:11px var(--mono);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.channels{display:flex;gap:3px;color:var(--muted)}
.pill{font-size:10.5px;color:var(--muted);border:1px solid var(--border);border-radius:999px;padding:0 6px;line-height:16px}
.sidebar-foot{margin-top:auto;padding:10px 10px 0;font-size:12px;border-top:1px solid var(--border)}
.main-col{min-width:0;display:flex;flex-direction:column}
.topbar{position:sticky;top:0;z-index:5;display:flex;align-items:center;gap:12px;height:52px;padding:0 24px;background:color-mix(in srgb,var(--bg) 86%,transparent);backdrop-filter:blur(8px);border-bottom:1px solid var(--border)}
.crumbs{color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.crumbs b{color:var(--text);font-weight:600}.crumbs .sep{margin:0 8px;opacity:.5}
.badge{display:inline-flex;align-items:center;gap:6px;font-size:12.5px;font-weight:500;padding:4px 10px;border-radius:999px;border:1px solid var(--border);background:var(--panel);color:var(--text)}
.badge:hover{text-decoration:none;border-color:var(--border-strong)}
.badge.ok .icon{color:var(--ok)}.badge.warn .icon{color:var(--warn)}.badge.bad{color:var(--bad);border-color:color-mix(in srgb,var(--bad) 35%,var(--border))}
.live{display:inline-flex;align-items:center;gap:6px;font-size:12.5px;color:var(--muted)}
.live-dot{width:8px;height:8px;border-radius:50%;background:var(--muted)}
.live[data-state=live] .live-dot{background:var(--ok);box-shadow:0 0 0 3px color-mix(in srgb,var(--ok) 22%,transparent)}
.live[data-state=offline] .live-dot{background:var(--bad)}
.icon-button{display:inline-flex;align-items:center;justify-content:center;width:32px;height:32px;border-radius:8px;border:1px solid var(--border);background:var(--panel);color:var(--text);cursor:pointer}
.icon-button:hover{border-color:var(--border-strong)}
.main{padding:22px 28px 48px}

/* page heads, cards */
.page-head{margin-bottom:18px}
.eyebrow{font-size:12px;color:var(--muted);margin-bottom:4px}.eyebrow code{font-size:11.5px}
.page-head h1{font-size:24px;letter-spacing:-.02em}
.lede{margin:4px 0 0;color:var(--muted);max-width:70ch}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:10px}
.chip{display:inline-flex;align-items:center;gap:4px;font-size:12px;padding:2px 9px;border-radius:999px;background:var(--panel);border:1px solid var(--border);color:var(--muted)}
.wf-grid{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:20px;align-items:start}
@media (max-width:1180px){.wf-grid{grid-template-columns:minmax(0,1fr)}}
.card{background:var(--panel);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);padding:14px 16px;margin-bottom:16px}
.card.wide{padding:0;overflow:hidden}
.card-head{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin-bottom:10px}
.card-sub{flex-basis:100%;order:3;font-size:11.5px;color:var(--muted)}
.card-head h3{font-size:13.5px}
details.card>summary{cursor:pointer;list-style:none;margin:0}details.card>summary::-webkit-details-marker{display:none}
details.card[open]>summary{margin-bottom:10px}
.inspector{position:sticky;top:68px}

/* sample editor */
.sample{width:100%;min-height:300px;white-space:pre;overflow:auto;max-height:58vh;resize:vertical;border:1px solid var(--border);border-radius:8px;background:var(--code-bg);color:var(--text);font:12.5px/1.55 var(--mono);padding:10px 12px;tab-size:2;outline:0}
.sample:focus{border-color:var(--accent);box-shadow:0 0 0 3px var(--accent-soft)}
.sample.invalid{border-color:var(--bad);box-shadow:0 0 0 3px var(--bad-soft)}
.locale-menu{display:flex;align-items:center;gap:6px;margin-top:10px;font-size:12.5px;color:var(--muted)}
.locale-menu select{font:inherit;color:var(--text);background:var(--panel-2);border:1px solid var(--border);border-radius:6px;padding:3px 6px}
.side-steps{list-style:none;margin:2px 0 6px 18px;padding:0 0 0 8px;border-left:1px solid var(--border)}
.side-steps a{display:flex;align-items:center;gap:6px;padding:3px 8px;border-radius:6px;font-size:12.5px;color:var(--muted)}
.side-steps a:hover{background:var(--panel-2);text-decoration:none;color:var(--text)}
.sample-status{margin:8px 0 0;font-size:12px;color:var(--muted)}.sample-status.bad{color:var(--bad)}.sample-status.ok{color:var(--ok)}
.text-button{display:inline-flex;align-items:center;gap:4px;border:0;background:none;color:var(--accent-text);font:inherit;font-size:12.5px;cursor:pointer;padding:2px 4px}
.vars{list-style:none;margin:0;padding:0;max-height:260px;overflow:auto}
.vars li{display:flex;justify-content:space-between;gap:10px;padding:3px 0;border-bottom:1px dashed var(--border)}
.vars small{color:var(--muted);font:11px var(--mono);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:55%}
.links{margin:0;padding-left:18px}

/* stage: the flow of steps, and a panel per channel step */
.stage{background:var(--panel);border:1px solid var(--border);border-radius:12px;box-shadow:var(--shadow);min-width:0;overflow:hidden}
.flow{display:flex;align-items:center;gap:8px;padding:12px 14px;overflow-x:auto;border-bottom:1px solid var(--border);background:linear-gradient(var(--border),var(--border)) 0 50%/100% 1px no-repeat,var(--panel-2)}
.tab{display:flex;align-items:center;gap:9px;padding:7px 12px;border-radius:9px;border:1px solid var(--border);background:var(--panel);color:var(--text);white-space:nowrap}
.tab:hover{text-decoration:none;border-color:var(--border-strong)}
.tab[aria-selected=true]{border-color:var(--accent);box-shadow:0 0 0 3px var(--accent-soft);color:var(--accent-text)}
.tab-label{display:flex;flex-direction:column;line-height:1.15}.tab-label b{font-size:13px;font-weight:600}.tab-label small{font:10.5px var(--mono);color:var(--muted)}
.tab-status.warn{color:var(--warn)}.tab-status.bad{color:var(--bad)}.tab-status.skip{color:var(--muted)}
.flow-step{display:inline-flex;align-items:center;gap:5px;padding:3px 9px;border-radius:999px;border:1px dashed var(--border-strong);background:var(--panel-2);font-size:11.5px;color:var(--muted);white-space:nowrap}
.panel{padding:18px 20px 20px}
.panel-head{margin-bottom:14px}.panel-head h2{font-size:16px}
.panel-meta{font-size:12px;color:var(--muted);margin-top:2px}
.conditions{margin-top:8px;font-size:12px;color:var(--muted);background:var(--panel-2);border:1px solid var(--border);border-radius:8px;padding:6px 10px;overflow-x:auto;white-space:nowrap}
.empty{display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;gap:6px;padding:48px 20px;color:var(--muted)}
.empty h3{color:var(--text);font-size:15px}.empty p{margin:0}.empty.big{padding:80px 20px}.empty.big h1{color:var(--text)}

/* email */
.envelope{border:1px solid var(--border);border-radius:10px;padding:14px 16px;background:var(--panel-2);margin-bottom:12px}
.env-subject{font-size:18px;font-weight:600;letter-spacing:-.01em;margin-bottom:6px}
.envelope dl{margin:0;display:grid;gap:3px}
.env-row{display:grid;grid-template-columns:92px minmax(0,1fr);gap:8px;font-size:13px}
.env-row dt{color:var(--muted)}.env-row dd{margin:0;overflow-wrap:anywhere}
.env-preview{color:var(--muted);font-style:italic}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-bottom:12px}
.seg{display:inline-flex;border:1px solid var(--border);border-radius:8px;padding:2px;background:var(--panel-2)}
.seg button{display:inline-flex;align-items:center;gap:5px;border:0;background:none;color:var(--muted);font:inherit;font-size:12.5px;padding:4px 10px;border-radius:6px;cursor:pointer}
.seg button[aria-pressed=true]{background:var(--panel);color:var(--text);box-shadow:var(--shadow)}
.size{display:inline-flex;align-items:center;gap:8px;font-size:12.5px}
.size-bar{width:70px;height:6px;border-radius:3px;background:var(--border);overflow:hidden}.size-bar span{display:block;height:100%;background:var(--ok)}
.size-warn .size-bar span{background:var(--warn)}.size-bad .size-bar span{background:var(--bad)}.size-bad{color:var(--bad)}
.email .view{display:none}
.email[data-view=html] .view-html,.email[data-view=text] .view-text,.email[data-view=source] .view-source{display:block}
.email:not([data-view=html]) .only-html{display:none}
.view-html{background:repeating-conic-gradient(var(--panel-2) 0 25%,var(--panel) 0 50%) 0 0/16px 16px;border:1px solid var(--border);border-radius:10px;padding:18px}
.device-frame{margin:0 auto;max-width:100%;transition:width .2s ease}
.email-frame{display:block;width:100%;height:720px;border:0;border-radius:8px;background:#fff;box-shadow:var(--shadow-lg)}
.email[data-device=mobile] .device-frame{width:390px;border:11px solid #111418;border-radius:38px;padding:0;box-shadow:var(--shadow-lg);overflow:hidden}
.email[data-device=mobile] .email-frame{height:760px;border-radius:0;box-shadow:none}
.email[data-scheme=light] .email-frame{color-scheme:light}
.email[data-scheme=dark] .email-frame{color-scheme:dark;background:#121212}
.email[data-scheme=dark] .view-html{background:#0b0c0f}
pre{margin:0}
pre.plain{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.6 var(--mono);background:var(--code-bg);border:1px solid var(--border);border-radius:10px;padding:14px 16px;max-height:720px;overflow:auto}
pre.plain.small{font-size:12px;padding:8px 10px;max-height:240px}
pre.code{font:12px/1.55 var(--mono);background:var(--code-bg);border:1px solid var(--border);border-radius:10px;padding:12px 14px;overflow:auto;max-height:420px}
.source{font:12px/1.55 var(--mono);background:var(--code-bg);border:1px solid var(--border);border-radius:10px;overflow:auto;max-height:720px}
.source table{border-collapse:collapse;width:100%}
.source td{padding:0 12px 0 0;vertical-align:top;white-space:pre}
.source .ln{color:var(--muted);text-align:right;padding:0 10px 0 12px;user-select:none;width:1%;border-right:1px solid var(--border);opacity:.8}
.source td.src{padding-left:12px}
.source tr:first-child td{padding-top:8px}.source tr:last-child td{padding-bottom:8px}
.source tr.mark td{background:var(--bad-soft)}.source tr.caret td.src{color:var(--bad);font-weight:700}
.inspector .source{max-height:360px}
h4{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:14px 0 6px}

/* channels side by side with their facts */
.channel-row{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.side-col{flex:1;min-width:260px}
.facts{display:grid;grid-template-columns:auto minmax(0,1fr);gap:4px 14px;margin:0;font-size:13px;background:var(--panel-2);border:1px solid var(--border);border-radius:10px;padding:10px 14px}
.facts>div{display:contents}.facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
.avatar{flex:none;width:36px;height:36px;border-radius:50%;display:flex;align-items:center;justify-content:center;background:var(--accent-soft);color:var(--accent-text);font-weight:600}
.avatar.square{border-radius:8px;background:var(--accent);color:#fff}

/* sms */
.phone{width:320px;border:10px solid #111418;border-radius:36px;background:#fff;color:#111;overflow:hidden;box-shadow:var(--shadow-lg);position:relative;min-height:360px}
.phone-notch{width:110px;height:22px;background:#111418;border-radius:0 0 14px 14px;margin:0 auto}
.sms-head{display:flex;flex-direction:column;align-items:center;gap:4px;padding:8px 0 10px;border-bottom:1px solid #e5e5ea;background:#f9f9fb}
.sms-head .avatar{background:#c7c7cc;color:#fff;width:40px;height:40px}
.sms-to{font-size:12px;color:#3a3a3c}
.sms-thread{padding:16px 12px}
.bubble{max-width:84%;background:#e9e9eb;color:#111;border-radius:18px 18px 18px 5px;padding:8px 12px;font-size:14.5px;line-height:1.35;white-space:pre-wrap;overflow-wrap:anywhere}
.sms-meta{font-size:11px;color:#8e8e93;margin:4px 0 0 8px}

/* push */
.lockscreen{width:340px;min-height:420px;border-radius:34px;padding:40px 14px 20px;color:#fff;background:radial-gradient(120% 90% at 20% 10%,#7a6ff0 0,#3b2f9e 45%,#161235 100%);box-shadow:var(--shadow-lg);text-align:center}
.ls-time{font-size:64px;font-weight:300;letter-spacing:-.03em;line-height:1}
.ls-date{font-size:15px;opacity:.85;margin-bottom:34px}
.notif{display:flex;gap:10px;text-align:left;background:rgba(245,245,250,.78);color:#111;backdrop-filter:blur(18px);border-radius:20px;padding:11px 12px}
.notif.silent{justify-content:center;color:#333;font-size:13px}
.notif-icon{flex:none;width:34px;height:34px;border-radius:8px;background:var(--accent);color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.notif-main{min-width:0;flex:1}
.notif-head{display:flex;justify-content:space-between;font-size:11.5px;color:#555;letter-spacing:.02em}
.notif-title{font-weight:600;font-size:14px;margin-top:1px}
.notif-body{font-size:13.5px;line-height:1.35;overflow-wrap:anywhere}

/* chat */
.chat-window{width:min(520px,100%);border:1px solid var(--border);border-radius:10px;background:var(--panel);overflow:hidden}
.chat-head{padding:9px 14px;border-bottom:1px solid var(--border);font-weight:600;font-size:13.5px}
.chat-msg{display:flex;gap:10px;padding:12px 14px}
.chat-main{flex:1;min-width:0}
.chat-meta{font-size:13.5px;margin-bottom:2px}
.app-badge{font-size:9.5px;font-weight:700;background:var(--panel-2);border:1px solid var(--border);color:var(--muted);border-radius:3px;padding:0 3px;vertical-align:1px}
.snippet-frame{display:block;width:100%;border:0;background:transparent;resize:vertical}
.snippet-frame.tall{border:1px solid var(--border);border-radius:10px;padding:4px;background:var(--panel)}

/* in-app feed */
.feed{width:380px;border:1px solid var(--border);border-radius:12px;background:var(--panel);box-shadow:var(--shadow-lg);overflow:hidden}
.feed-head{display:flex;align-items:center;gap:8px;padding:12px 14px;border-bottom:1px solid var(--border)}
.count-badge{background:var(--accent);color:#fff;border-radius:999px;font-size:11px;padding:0 7px;line-height:18px}
.feed-cell{display:flex;gap:10px;padding:14px;position:relative;background:color-mix(in srgb,var(--accent-soft) 40%,var(--panel))}
.feed-main{flex:1;min-width:0}
.feed-buttons{display:flex;gap:8px;margin-top:10px}
.btn{display:inline-block;font-size:12.5px;font-weight:500;padding:5px 12px;border-radius:7px;border:1px solid var(--border-strong);background:var(--panel);color:var(--text)}
.btn.primary{background:var(--accent);border-color:var(--accent);color:#fff}
.feed-time{font-size:11.5px;color:var(--muted);margin-top:8px}
.feed-extra{font-size:12.5px;margin-top:6px}
.unread-dot{position:absolute;right:14px;top:18px;width:8px;height:8px;border-radius:50%;background:var(--accent)}

/* webhook */
.request{max-width:860px}
.req-line{display:flex;align-items:center;gap:10px;background:var(--panel-2);border:1px solid var(--border);border-radius:10px;padding:10px 12px;overflow-x:auto}
.req-line code{font-size:13px;white-space:nowrap}
.method{font:700 11.5px var(--mono);padding:3px 8px;border-radius:6px;background:var(--accent-soft);color:var(--accent-text)}
.m-post{background:#e6f6ec;color:#117a3d}.m-put,.m-patch{background:#fff4dc;color:#935d00}.m-delete{background:var(--bad-soft);color:var(--bad)}
table.kv{border-collapse:collapse;width:100%;font-size:13px}
table.kv th,table.kv td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid var(--border)}
table.kv th{font:12px var(--mono);color:var(--muted);width:1%;white-space:nowrap}

/* notes, problems, errors */
.notes{list-style:none;margin:14px 0 0;padding:0;display:grid;gap:6px}
.note{display:flex;gap:8px;align-items:flex-start;font-size:13px;padding:8px 10px;border-radius:8px;border:1px solid var(--border)}
.note.warn{background:var(--warn-soft);border-color:color-mix(in srgb,var(--warn) 30%,var(--border))}.note.warn .icon{color:var(--warn);margin-top:2px}
.json-details{margin-top:16px}
.json-details summary{cursor:pointer;color:var(--muted);font-size:12.5px;margin-bottom:8px}
.problems{list-style:none;margin:0;padding:0}
.problem{display:flex;gap:10px;padding:10px 16px;border-bottom:1px solid var(--border);font-size:13px}
.card .problem{padding:8px 0}
.problem:last-child{border-bottom:0}
.problem.error .icon{color:var(--bad);margin-top:2px}.problem.warning .icon{color:var(--warn);margin-top:2px}
.problem-loc{color:var(--muted);font-size:11.5px}
.error-overlay{margin:4px 0;border-radius:12px;background:#1a1215;color:#f3e8e8;padding:18px 20px;border:1px solid #5b2227;box-shadow:var(--shadow-lg)}
.err-head{display:flex;align-items:center;gap:8px;color:#ff8a80;font-weight:600;font-size:13px;text-transform:uppercase;letter-spacing:.05em}
.err-kind{margin-top:10px;color:#ffb4ab;font-size:13px}
.err-message{font-size:17px;font-weight:600;margin:2px 0 10px;color:#fff;overflow-wrap:anywhere}
.err-loc{display:flex;align-items:center;gap:6px;color:#d7c4c6;margin-bottom:10px}.err-loc code{color:#ffd7d2}
.error-overlay .source{background:#0f0a0c;border-color:#3c1a1e;color:#e8dcdc}
.error-overlay .source .ln{border-color:#3c1a1e;color:#8c6f73}
.error-overlay .source tr.mark td{background:#3a1519}.error-overlay .source tr.caret td.src{color:#ff6b61}
.err-chain{margin:10px 0 0;font-size:12.5px;color:#d7c4c6}
.skipped .icon{color:var(--muted)}
.skip-note{margin-bottom:14px;background:var(--panel-2);color:var(--muted)}.skip-note b{color:var(--text)}.skip-note .icon{margin-top:2px}

/* translations */
.table-scroll{overflow:auto}
table.translations{border-collapse:collapse;width:100%;font-size:13px}
table.translations th,table.translations td{text-align:left;vertical-align:top;padding:7px 14px;border-bottom:1px solid var(--border)}
table.translations th{position:sticky;top:0;background:var(--panel-2);font-size:12px;color:var(--muted)}
table.translations td.missing{color:var(--bad);background:var(--bad-soft);font-style:italic}

/* toast */
.toast{position:fixed;right:20px;bottom:20px;z-index:20;display:flex;align-items:center;gap:8px;max-width:440px;background:var(--text);color:var(--bg);padding:10px 14px;border-radius:10px;box-shadow:var(--shadow-lg);font-size:13px}
.toast code{color:inherit;opacity:.85}
.plain-page{display:flex;align-items:center;justify-content:center}
.stage.busy{opacity:.7;transition:opacity .15s}
@media (max-width:860px){.app{grid-template-columns:1fr}.sidebar{position:static;height:auto;max-height:40vh}.main{padding:16px}}
"""#
}
