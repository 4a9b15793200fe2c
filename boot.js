// Starts the wasm app. Trunk would do this in an inline script, which the page's
// Content-Security-Policy forbids; Trunk.toml's pattern_script loads this file instead,
// telling it the hashed names of the wasm-bindgen glue and of the wasm module.
//
// Until the app starts, index.html's shell (its first screen as plain HTML) works: files
// picked or dropped, or the sample asked for, wait in `globalThis.canboEarly`, which the app
// takes when it starts (src/early.rs) and imports as if done on it. As on the app, what is
// asked last replaces what was asked before.
const early = (globalThis.canboEarly = { files: [], sample: false });
const shell = document.getElementById('loading');
const status = document.getElementById('shell-status');

// The language the app keeps (src/settings.rs, `canbo.lang`: a JSON string).
const LANG_KEY = 'canbo.lang';
let lang = 'vi';
try {
  if (JSON.parse(localStorage.getItem(LANG_KEY) || '"vi"') === 'en') lang = 'en';
} catch (_) {
  // No storage (private mode, or refused): Vietnamese.
}

// Every text of the shell in `lang`: Vietnamese as written, English from `data-en` (and
// `data-en-label` for an `aria-label`).
function showLanguage() {
  document.documentElement.lang = lang;
  for (const el of shell.querySelectorAll('[data-en]')) {
    if (el.dataset.vi === undefined) el.dataset.vi = el.textContent;
    el.textContent = lang === 'en' ? el.dataset.en : el.dataset.vi;
  }
  for (const el of shell.querySelectorAll('[data-en-label]')) {
    if (el.dataset.viLabel === undefined) el.dataset.viLabel = el.getAttribute('aria-label');
    el.setAttribute('aria-label', lang === 'en' ? el.dataset.enLabel : el.dataset.viLabel);
  }
  for (const button of shell.querySelectorAll('[data-shell-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.shellLang === lang));
  }
}

function say(vi, en) {
  status.dataset.vi = vi;
  status.dataset.en = en;
  status.textContent = lang === 'en' ? en : vi;
}

// What was asked, kept for the app: files (none for the sample).
function ask(files, sample) {
  early.files = Array.from(files);
  early.sample = sample && early.files.length === 0;
  const n = early.files.length;
  const names = early.files.map((f) => f.name).join(', ');
  if (n > 0) {
    say(
      `Đã nhận ${n} tệp (${names}): Canbo đọc ngay khi tải xong…`,
      `${n} file(s) received (${names}): Canbo reads them as soon as it has loaded…`,
    );
  } else if (early.sample) {
    say('Canbo mở dữ liệu mẫu ngay khi tải xong…', 'Canbo opens the sample data as soon as it has loaded…');
  }
}

// A report opened from a link, or the roster of the last visit, is what the app shows
// first: the shell offers no import then, only says it is loading.
// A link's fragment is `#r1.…` or, locked, `#r1e.…` (canbo_core::share::PREFIX); `#noi-dung`
// and the like are the page's own anchors.
const opensLink = /^#r\d+e?\./.test(location.hash);
let keepsRoster = false;
try {
  keepsRoster = Object.keys(localStorage).some((key) => key.startsWith('canbo.roster'));
} catch (_) {
  // No storage: nothing kept.
}
if (!opensLink && !keepsRoster) {
  shell.querySelector('[data-shell=import]').hidden = false;
}

const carriesFiles = (event) => Array.from(event.dataTransfer?.types || []).includes('Files');
const onDragOver = (event) => {
  if (carriesFiles(event)) event.preventDefault();
};
const onDrop = (event) => {
  if (!carriesFiles(event)) return;
  // Without this the browser would open the file in place of the page.
  event.preventDefault();
  if (event.dataTransfer.files.length > 0) ask(event.dataTransfer.files, false);
};
document.addEventListener('dragover', onDragOver);
document.addEventListener('drop', onDrop);
shell.querySelector('#shell-input').addEventListener('change', (event) => {
  if (event.target.files.length > 0) ask(event.target.files, false);
});
shell.querySelector('[data-testid=shell-sample]').addEventListener('click', () => {
  ask([], true);
});
for (const button of shell.querySelectorAll('[data-shell-lang]')) {
  button.addEventListener('click', () => {
    lang = button.dataset.shellLang;
    try {
      localStorage.setItem(LANG_KEY, JSON.stringify(lang));
    } catch (_) {
      // Not kept: the app starts in Vietnamese.
    }
    showLanguage();
  });
}
showLanguage();
// For the tests and the benchmark: the shell now takes files.
document.documentElement.dataset.shell = 'ready';

const tag = document.querySelector('script[data-wasm]');
try {
  const { default: init } = await import(tag.dataset.js);
  // The app starts within `init`: it takes `canboEarly`, removes the shell and takes drops.
  await init({ module_or_path: tag.dataset.wasm });
  document.removeEventListener('dragover', onDragOver);
  document.removeEventListener('drop', onDrop);
} catch (error) {
  shell.querySelector('[data-shell=import]').hidden = true;
  say(
    'Không khởi động được Canbo. Hãy tải lại trang, hoặc dùng bản mới của Chrome, Edge, Firefox hay Safari.',
    'Canbo could not start. Reload the page, or use a recent Chrome, Edge, Firefox or Safari.',
  );
  status.classList.add('failed');
  throw error;
}
