// The failure panel, built in one place: this plain script, which needs no
// wasm. It shows the panel for a WebAssembly trap (a stack overflow, an
// abort: not a Rust panic, and after a trap the module may be in no state
// to run anything) that reaches the page as an uncaught error or an
// unhandled rejection; and the panic hook of src/failure.rs calls it
// (window.corpusLensFailure) for a panic.
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
  window.corpusLensFailure = show;
  window.addEventListener('error', function (event) {
    if (isTrap(event.error)) show('WebAssembly stopped: ' + event.error.message);
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isTrap(event.reason)) show('WebAssembly stopped: ' + event.reason.message);
  });
})();
