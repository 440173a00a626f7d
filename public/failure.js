// A WebAssembly trap (a stack overflow, an abort) is not a Rust panic: the
// panic hook of src/failure.rs never runs, and after a trap the module may be
// in no state to run anything. So this plain script, which needs no wasm,
// shows the same failure panel (same markup as src/failure.rs) when a trap
// reaches the page as an uncaught error or an unhandled rejection.
(function () {
  'use strict';
  function isTrap(e) {
    return typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
  }
  function show(message) {
    if (document.getElementById('failure-panel') || !document.body) return;
    var panel = document.createElement('div');
    panel.id = 'failure-panel';
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-labelledby', 'failure-heading');
    var heading = document.createElement('h2');
    heading.id = 'failure-heading';
    heading.textContent = 'Something went wrong';
    var text = document.createElement('p');
    text.textContent = 'Corpus Lens hit an internal error and stopped. Nothing you typed has left this device. ' +
      'Reloading the page starts it again from the address in the URL.';
    var details = document.createElement('pre');
    details.textContent = message;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () { location.reload(); });
    panel.append(heading, text, details, button);
    document.body.appendChild(panel);
    button.focus();
  }
  window.addEventListener('error', function (event) {
    if (isTrap(event.error)) show('WebAssembly stopped: ' + event.error.message);
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isTrap(event.reason)) show('WebAssembly stopped: ' + event.reason.message);
  });
})();
