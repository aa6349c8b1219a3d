// Forms marked data-confirm ask before they submit (deletions). Without JavaScript they submit
// directly, so nothing depends on this file.
document.addEventListener('submit', (event) => {
  const message = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) event.preventDefault();
});
