// Package pdf prints HTML pages to PDF with a headless Chrome or Chromium,
// and finishes the PDF that the browser wrote: document information, language
// and page labels.
//
// The browser runs offline: a page may load files under its root folder, data:
// and about: URLs, and nothing else. One [Browser] serves all the printing of a
// process, and [Browser.Close] stops it and removes its temporary profile.
// [Connect] attaches to a browser that runs elsewhere (its DevTools endpoint,
// see [EnvChromeURL]) instead: the page and its files are then sent through
// the protocol, so that browser needs no access to the project's files.
//
// [Destinations] and [PageCount] read a PDF back, for example to put page
// numbers in a table of contents and print again. [Finish] adds the metadata
// as an incremental update, so every object that the browser wrote (outline,
// links, named destinations, structure tags) stays as it was.
package pdf
