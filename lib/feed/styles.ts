// One stylesheet for all of Netra's UI in the page (flag button, marker, panel, toasts): parsed once per
// document and adopted by every closed shadow root. Each part is scoped by its host's tag name.
export const CSS = `
:host { all: initial; font: 13px/1.4 system-ui, sans-serif; }
:host(netra-flag) { display: inline-flex; align-self: center; margin: 0 4px; z-index: 1; min-width: 0; }
:host(netra-marker) { display: block; flex: 1 0 100%; box-sizing: border-box; width: 100%; margin: 4px 0; }
.flag {
  display: inline-flex; align-items: center; gap: 4px; height: 28px; min-width: 28px; padding: 0 6px;
  border: 1px solid #c9ced6; border-radius: 14px; background: #fff; color: #b42318; cursor: pointer;
  font: 600 12px/1 system-ui, sans-serif; white-space: nowrap;
}
.flag:hover { background: #fef3f2; border-color: #b42318; }
:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
svg { width: 16px; height: 16px; fill: currentColor; flex: none; }
.text { display: none; }
:host([data-state="saving"]) .flag { color: #475467; cursor: progress; }
:host([data-state="saving"]) svg { animation: spin 0.8s linear infinite; }
:host([data-state="saved"]) .flag, :host([data-state="version"]) .flag, :host([data-state="duplicate"]) .flag {
  color: #067647; border-color: #067647; background: #ecfdf3;
}
:host([data-state="partial"]) .flag { color: #b54708; border-color: #b54708; background: #fffaeb; }
:host([data-state="error"]) .flag { color: #fff; background: #b42318; border-color: #b42318; }
:host(netra-flag:not([data-state="idle"])) .text { display: inline; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { :host([data-state="saving"]) svg { animation: none; } }
.marker { display: flex; flex-wrap: wrap; gap: 4px; font: 600 12px/1.3 system-ui, sans-serif; }
.badge { padding: 2px 8px; border: 1px solid; border-radius: 10px; overflow-wrap: anywhere; }
.asn { background: #fef0c7; color: #7a2e0e; border-color: #dc6803; }
.terms { background: #eff4ff; color: #1d3a8a; border-color: #528bff; }
:host(netra-panel) { position: fixed; z-index: 2147483646; width: 360px; max-width: calc(100vw - 16px); }
form {
  box-sizing: border-box; max-height: calc(100vh - 16px); overflow: auto; padding: 12px; background: #fff;
  color: #101828; border: 1px solid #98a2b3; border-radius: 8px; box-shadow: 0 8px 24px rgba(16, 24, 40, 0.25);
}
h2 { margin: 0; font-size: 14px; }
p { margin: 2px 0 0; font-size: 12px; color: #475467; }
label { display: block; margin-top: 8px; font-size: 12px; font-weight: 600; }
select, input, textarea {
  box-sizing: border-box; display: block; width: 100%; margin-top: 2px; padding: 5px 6px; font: inherit;
  color: inherit; background: #fff; border: 1px solid #98a2b3; border-radius: 4px;
}
textarea { min-height: 48px; resize: vertical; }
[aria-invalid="true"] { border-color: #b42318; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.actions button {
  padding: 6px 14px; font: 600 13px system-ui, sans-serif; color: #101828; background: #fff;
  border: 1px solid #98a2b3; border-radius: 4px; cursor: pointer;
}
.actions .primary { color: #fff; background: #1d4ed8; border-color: #1d4ed8; }
button:disabled { opacity: 0.6; cursor: progress; }
.status:not(:empty) { margin-top: 8px; color: #101828; }
:host([data-state="error"]) .status { color: #b42318; }
:host([data-state="saved"]) .status { color: #067647; }
:host(netra-toast) {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: min(360px, calc(100vw - 32px));
  pointer-events: none;
}
.toast { margin-top: 8px; padding: 10px 12px; border-radius: 6px; color: #fff; background: #101828; box-shadow: 0 4px 12px rgba(16, 24, 40, 0.3); }
[role="alert"] .toast { background: #b42318; }
`;
