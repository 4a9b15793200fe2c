// Starts the wasm app. Trunk would do this in an inline script, which the page's
// Content-Security-Policy forbids; Trunk.toml's pattern_script loads this file instead,
// telling it the hashed names of the wasm-bindgen glue and of the wasm module.
const tag = document.querySelector('script[data-wasm]');
try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  const shell = document.getElementById('loading');
  if (shell) {
    shell.textContent =
      'Không khởi động được Canbo. Hãy tải lại trang, hoặc dùng bản mới của Chrome, Edge, Firefox hay Safari.';
    shell.classList.add('failed');
  }
  throw error;
}
