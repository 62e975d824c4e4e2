// Proves the content script ran; nothing else, so it costs as little as possible.
document.documentElement.appendChild(document.createElement('div')).setAttribute('data-plh-null-ready', '');
