// Shows the widget's events on the demo page (an external file: the page runs under a strict CSP).
const log = document.getElementById('event-log');
for (const name of ['gift-accepted', 'gift-rejected', 'gift-queued']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const { transactionId, amount, donor } = event.detail;
    item.textContent = `${new Date().toLocaleTimeString()} ${name}: ${donor}, $${amount.toFixed(2)} (${transactionId})`;
    log.prepend(item);
  });
}
