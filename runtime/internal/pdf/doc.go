// SPDX-License-Identifier: MIT

// Package pdf makes the PDF receipts of instances (DESIGN §4 "PDF"): when a task
// that makes one ends (instances.PDFOnTaskEnd), the instance service queues a job
// of topic instances.TopicPDF in the outbox, in the transaction of the process
// change. The Worker, one per runtime replica, claims those jobs with a lease as
// the event worker claims deliveries, has the forms UI render the instance's
// read-only summary as a standalone page (the receipt's own HTML and the
// Designsystemet CSS, inlined; a Renderer), prints it with the Printer, and
// stores the result as a data element of type ref-data-as-pdf.
//
// The Printer drives one long-lived headless Chromium (chromedp) and prints each
// job in a tab of its own: A4, backgrounds on, tagged (accessible) PDF. The page
// is given to the tab as a document, not a URL, under a Content-Security-Policy
// that allows no scripts and no network, so printing never reaches a server and
// app texts cannot make the runtime fetch anything.
//
// Jobs are idempotent: the element's id is derived from the instance, the task
// and its flow number (instances.PDFJob.ElementID), so a retried or doubly
// claimed job finds the element it made, and the loser of a race stores nothing.
// A job that fails is retried with backoff and left dead in the outbox after its
// last attempt, as deliveries are.
package pdf
