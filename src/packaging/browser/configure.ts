/**
 * The iPart's configuration script: keeps iMIS's hidden #JsonSettings field (which iMIS saves
 * with the content item: Advsol/Innovations2019-config-page src/app/app.component.ts) in step
 * with the settings form of configure.html.
 */
export {}; // a module: its names stay out of the page's globals

const store = document.getElementById('JsonSettings') as HTMLInputElement | null;
const form = document.querySelector<HTMLElement>('.gift-entry-settings');
const status = form?.querySelector<HTMLElement>('.gift-entry-settings-status');
const inputs = [...(form?.querySelectorAll<HTMLInputElement>('[data-setting]') ?? [])];

if (form && status) {
  if (!store) {
    status.textContent = 'These settings can only be saved from iMIS: edit the content item in RiSE.';
    for (const input of inputs) input.disabled = true;
  } else {
    let settings: Record<string, unknown> = {};
    try {
      settings = JSON.parse(store.value || '{}') as Record<string, unknown>;
    } catch {
      status.textContent = 'The saved settings could not be read; saving replaces them.';
    }
    for (const input of inputs) {
      const value = settings[input.dataset.setting ?? ''];
      if (input.type === 'checkbox') input.checked = value === true;
      else input.value = typeof value === 'string' ? value : '';
    }
    const write = () => {
      const next: Record<string, string | boolean> = {};
      for (const input of inputs) next[input.dataset.setting ?? ''] = input.type === 'checkbox' ? input.checked : input.value.trim();
      store.value = JSON.stringify(next);
      const endpoint = form.querySelector<HTMLInputElement>('[data-setting="endpoint"]');
      status.textContent =
        endpoint && !endpoint.checkValidity() ? 'The gift proxy address must be a full URL, e.g. https://gifts.example.org.' : '';
    };
    form.addEventListener('input', write);
    form.addEventListener('change', write);
  }
}
