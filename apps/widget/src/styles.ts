// Inside the Shadow DOM: the page's CSS does not reach in, and none of this
// reaches out. --c is the accent colour (data-color). At phone width the
// panel fills the screen.

export const css = `
:host{all:initial}
*{box-sizing:border-box}
.k{font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2329;-webkit-font-smoothing:antialiased;text-align:left}
button,input,select,textarea,form,p{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--c);outline-offset:2px}
.launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:var(--c);color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;transition:transform .15s}
.launch:hover{transform:scale(1.06)}
.launch:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 5px var(--c)}
.launch .x,.open .launch .c{display:none}
.open .launch .x{display:block}
.badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#f5222d;color:#fff;font-size:12px;line-height:20px;text-align:center}
.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:370px;height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 12px 48px rgba(0,0,0,.25);overflow:hidden}
[hidden]{display:none!important}
.head{display:flex;align-items:center;gap:4px;padding:10px 8px 10px 16px;background:var(--c);color:#fff}
.who{flex:1;min-width:0}
.title{font-size:15px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{font-size:12px;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.dot{display:inline-block;width:7px;height:7px;border-radius:50%;background:#73d13d;margin-right:6px;vertical-align:1px}
.dot.off{background:#d9d9d9}
.hb{flex:none;display:flex;align-items:center;justify-content:center;height:32px;min-width:32px;padding:0 8px;border:0;border-radius:6px;background:transparent;color:#fff;font-size:13px;white-space:nowrap}
.hb:hover{background:rgba(255,255,255,.18)}
.hb:focus-visible{outline-color:#fff}
.banner{padding:6px 12px;background:#fffbe6;border-bottom:1px solid #ffe58f;color:#874d00;font-size:12px}
.banner.err{background:#fff1f0;border-color:#ffccc7;color:#a8071a}
.main{flex:1;min-height:0;display:flex;flex-direction:column;background:#fff}
.log{background:#f5f6f8;flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:12px;display:flex;flex-direction:column;gap:10px}
.m{display:flex;flex-direction:column;max-width:82%}
.m.v{align-self:flex-end;align-items:flex-end}
.m.a{align-self:flex-start;align-items:flex-start}
.name{font-size:12px;color:#6b7280;margin:0 4px 2px}
.b{padding:8px 12px;border-radius:14px;white-space:pre-wrap;word-break:break-word;overflow-wrap:anywhere}
.v .b{background:var(--c);color:#fff;border-bottom-right-radius:4px}
.a .b{background:#fff;border-bottom-left-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.st{font-size:11px;color:#8a8f99;margin:2px 4px 0}
.m.p .b{opacity:.65}
.sys{align-self:center;max-width:92%;padding:6px 10px;border-radius:8px;background:#e8eaee;color:#4b5160;font-size:12px;text-align:center;white-space:pre-wrap;overflow-wrap:anywhere}
.typing{background:#f5f6f8;padding:0 16px 6px;font-size:12px;color:#8a8f99;min-height:18px}
.foot{display:flex;align-items:flex-end;gap:8px;padding:8px;border-top:1px solid #eceef1;background:#fff}
.foot textarea{flex:1;resize:none;max-height:96px;min-height:38px;padding:8px 10px;border:1px solid #d9dce1;border-radius:8px;outline:none;line-height:20px;background:#fff}
.foot textarea:focus{border-color:var(--c)}
.send{flex:none;width:38px;height:38px;border:0;border-radius:8px;background:var(--c);color:#fff;display:flex;align-items:center;justify-content:center}
.send:disabled{opacity:.4;cursor:default}
.att{flex:none;width:34px;height:38px;border:0;border-radius:8px;background:none;color:#6b7280;display:flex;align-items:center;justify-content:center}
.att:hover{color:var(--c);background:#f0f2f5}
.files{display:flex;flex-direction:column;gap:4px;margin-top:4px}
.m.v .files{align-items:flex-end}
.thumb{display:block;max-width:200px;max-height:200px;min-width:48px;min-height:48px;border-radius:10px;background:#e8eaee;object-fit:cover}
.file{display:inline-block;max-width:220px;padding:8px 12px;border-radius:10px;background:#fff;color:#1f2329;border:1px solid #e3e5e8;text-decoration:none;overflow-wrap:anywhere}
.up{position:relative;display:flex;flex-direction:column;align-items:flex-end;gap:4px}
.up progress{width:120px;height:4px;accent-color:var(--c)}
.up .link{padding:0 4px;font-size:12px}
.form{flex:1;overflow-y:auto;padding:20px 16px;display:flex;flex-direction:column;gap:14px;background:#fff}
.form p{color:#4b5160}
.f{display:flex;flex-direction:column;gap:4px}
.f label{font-weight:500}
.req{color:#f5222d;margin-left:2px}
.f input,.f select,.form textarea{width:100%;height:38px;padding:0 10px;border:1px solid #d9dce1;border-radius:8px;background:#fff;outline:none}
.form textarea{height:auto;padding:8px 10px;resize:vertical}
.f input:focus,.f select:focus,.form textarea:focus{border-color:var(--c)}
.f [aria-invalid=true]{border-color:#f5222d}
.e{color:#f5222d;font-size:12px;min-height:0}
.primary{height:40px;border:0;border-radius:8px;background:var(--c);color:#fff;font-weight:500}
.primary:disabled{opacity:.45;cursor:default}
.link{align-self:center;border:0;background:none;color:#4b5160;text-decoration:underline;padding:4px}
fieldset{border:0;margin:0;padding:0}
legend{padding:0;margin:0 auto 10px;font-weight:600;font-size:15px}
.stars{display:flex;gap:6px;justify-content:center}
.star{position:relative;display:block;width:40px;height:40px;color:#d9dce1}
.star.on{color:#fadb14}
.star input{position:absolute;inset:0;width:100%;height:100%;opacity:0;cursor:pointer;margin:0}
.star svg{width:40px;height:40px}
.star:has(input:focus-visible){outline:2px solid var(--c);border-radius:6px}
.rl{text-align:center;color:#4b5160;min-height:21px}
.done{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:24px;background:#fff;text-align:center}
.done .primary{padding:0 20px}
@media (max-width:480px){
.panel{inset:0;width:100%;height:100%;border-radius:0}
.open .launch{display:none}
input,select,textarea{font-size:16px!important}
}
`;
