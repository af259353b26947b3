// SPDX-License-Identifier: MIT

// Package forms is the citizen forms UI: server-rendered HTML pages that work
// as plain HTML forms without JavaScript.
//
// Routes (mounted by runtime.Role.Start behind the auth handler's Authenticate):
//
//   - GET  /assets/designsystemet/*file — the vendored Designsystemet CSS (render.Assets)
//     and the enhancement script under its hashed name (render.Script, ScriptURL).
//   - GET  /{org}/{app}/ — the app's start page: the selected party's drafts and a
//     "start new" button; with ?view=my "my forms": drafts (continue, delete) and
//     submitted forms (receipt). Anonymous visitors are sent to /login.
//   - POST /{org}/{app}/new — instantiate for the selected party, then go to the form.
//   - GET|POST /{org}/{app}/instance/{party}/{guid}[/page/{page}] — a page of the
//     current task's layout set, rendered by appframework/render; a POST is the
//     whole form (render's field names and _action buttons; multipart when the page
//     has a file input, each file streamed into the instance service as it arrives),
//     saved and followed by a redirect (Post/Redirect/Get), or the page again with
//     its issues. A task without a layout set shows a confirmation page (summary +
//     confirm) or a feedback waiting page by its task type.
//   - POST /{org}/{app}/instance/{party}/{guid}/confirm — process next with confirm.
//   - POST /{org}/{app}/instance/{party}/{guid}/delete — delete a draft (soft).
//   - GET  /{org}/{app}/instance/{party}/{guid}/receipt — the receipt once the
//     process has ended.
//
// Every handler decodes the request, authorises the caller through authz with the
// app's policy (read to see, write to edit, delete, the process action to move on),
// calls instances.Service and renders. The page chrome (printed by chrome_html.go
// through htmlw; the other pages' fragments are embedded html/templates)
// holds the language switch (nb, nn, en; kept in a cookie), a skip link, "my forms"
// and the logout button; the page's single h1 comes from the rendered fragment, and
// chrome ids start with "bl-".
//
// Progressive enhancement: form pages link render.Script, which posts saves and
// row/attachment buttons in the background with the header X-Blankett-Fragment: 1.
// Such a post is answered with the page's <form> alone (same header back) instead of
// a redirect: saved values, the page's issues except "required", the open rows the
// action left. Navigation and submit always post in full.
package forms
