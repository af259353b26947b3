// SPDX-License-Identifier: MIT

// Package forms is the citizen forms UI: server-rendered HTML pages that work
// as plain HTML forms without JavaScript.
//
// Routes (mounted by runtime.Role.Start behind the auth handler's Authenticate):
//
//   - GET  /assets/designsystemet/*file — the vendored Designsystemet CSS (render.Assets).
//   - GET  /{org}/{app}/ — the app's start page: the selected party's drafts and a
//     "start new" button; anonymous visitors are sent to /login.
//   - POST /{org}/{app}/new — instantiate for the selected party, then go to the form.
//   - GET|POST /{org}/{app}/instance/{party}/{guid}[/page/{page}] — a page of the
//     current task's layout set, rendered by appframework/render; a POST is the
//     whole form (render's field names and _action buttons), saved and followed by a
//     redirect (Post/Redirect/Get), or the page again with its validation issues.
//   - GET  /{org}/{app}/instance/{party}/{guid}/receipt — the receipt once the
//     process has ended.
//
// Every handler decodes the request, authorises the caller through authz with the
// app's policy (read to see, write to edit, the process action to move on), calls
// instances.Service and renders. The page chrome (html/template, embedded) holds the
// language switch (nb, nn, en; kept in a cookie), a skip link and the logout button;
// the page's single h1 comes from the rendered fragment, and chrome ids start with
// "bl-".
package forms
