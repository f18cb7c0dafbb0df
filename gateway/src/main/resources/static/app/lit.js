// lit-html from its WebJar (the version is the root POM's lit-html.version): templates whose values are always
// escaped, so no text from the API can become markup.
export { html, nothing, render } from '/webjars/lit-html/lit-html.js';
export { live } from '/webjars/lit-html/directives/live.js';
export { repeat } from '/webjars/lit-html/directives/repeat.js';
