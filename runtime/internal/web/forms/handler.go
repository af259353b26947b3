// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// AssetsPath is where the Designsystemet CSS is served.
const AssetsPath = "/assets/designsystemet/"

// ScriptURL is the URL pages link the enhancement script at: beside the CSS, with
// a hash of its content in the file name (render.Script), so it is cached for good.
func ScriptURL() string {
	name, _ := render.Script()
	return AssetsPath + name
}

// Stylesheets returns the URLs every page links, in order.
func Stylesheets() []string {
	out := make([]string, len(render.Stylesheets))
	for i, s := range render.Stylesheets {
		out[i] = AssetsPath + s
	}
	return out
}

// Options configure a Handler.
type Options struct {
	Service *instances.Service
	Store   *store.Store
	Authz   *authz.Authorizer
	Log     *slog.Logger
	// PublicURL is the runtime's external base URL; the links of a printed PDF
	// receipt start with it, as a PDF has no page address to resolve them against.
	PublicURL string
}

// Handler serves the forms UI. It is safe for concurrent use.
type Handler struct {
	svc  *instances.Service
	st   *store.Store
	az   *authz.Authorizer
	log  *slog.Logger
	tmpl *template.Template
	css  []string
	js   string
	// printCSS is the stylesheets inlined for printed receipts.
	printCSS template.CSS
	// public is Options.PublicURL without a trailing slash.
	public string
}

// New returns a Handler; it fails only when the embedded templates are broken.
func New(o Options) (*Handler, error) {
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	css, err := inlineCSS()
	if err != nil {
		return nil, err
	}
	return &Handler{svc: o.Service, st: o.Store, az: o.Authz, log: log, tmpl: t, css: Stylesheets(), js: ScriptURL(), printCSS: css,
		public: strings.TrimRight(o.PublicURL, "/")}, nil
}

// Mount registers the routes; authenticate is the auth handler's Authenticate
// middleware, which puts the caller in the request context.
func (h *Handler) Mount(r gin.IRouter, authenticate gin.HandlerFunc) {
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		r.Handle(m, AssetsPath+"*file", serveAssets)
	}
	g := r.Group("/:org/:app", authenticate)
	g.GET("/", h.start)
	g.POST("/new", h.create)
	i := g.Group("/instance/:party/:guid")
	i.GET("", h.showPage)
	i.POST("", h.postPage)
	i.GET("/page/:page", h.showPage)
	i.POST("/page/:page", h.postPage)
	i.POST("/confirm", h.confirm)
	i.POST("/delete", h.deleteDraft)
	i.GET("/receipt", h.receipt)
	// A subform entry's pages: the entry's data element edited with the layout set
	// of Subform component :comp.
	s := i.Group("/subform/:comp/:elem")
	s.GET("", h.showPage)
	s.POST("", h.postPage)
	s.GET("/page/:page", h.showPage)
	s.POST("/page/:page", h.postPage)
}

// myFormsView is the query that turns the start page into "my forms"; a query,
// not a route of its own, so the UI's routes stay under the app's start page.
const myFormsView = "view=my"

var assetServer = http.StripPrefix(AssetsPath, http.FileServerFS(render.Assets()))

// serveAssets serves the vendored CSS with long cache headers: the files change only
// with a new binary, and their URLs are only linked from pages of that binary.
// The enhancement script is served under its hashed name only, so a cached copy can
// never be stale.
func serveAssets(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Header("X-Content-Type-Options", "nosniff")
	if name, body := render.Script(); c.Param("file") == "/"+name {
		c.Data(http.StatusOK, "text/javascript; charset=utf-8", body)
		return
	}
	assetServer.ServeHTTP(c.Writer, c.Request)
}

// caller is the policy's caller for a browser session; any other caller is
// anonymous here (the UI serves people with a session, not tokens).
func caller(c *gin.Context) (auth.Caller, authz.Caller) {
	a := auth.CallerFrom(c.Request.Context())
	if a.Kind != auth.Person || !a.ViaSession {
		return auth.Caller{}, authz.Caller{}
	}
	return a, authz.FromSession(a.UserID, a.PartyID, a.AuthLevel)
}

// allowed decides action on an instance (snap) or on party's instances of rel.
func (h *Handler) allowed(c *gin.Context, who authz.Caller, rel *apphost.Release, party int64, snap *instances.Snapshot, action string) bool {
	t := authz.Target{Org: rel.Org, App: rel.Name, InstanceOwnerPartyID: party, Action: action}
	if snap != nil {
		t.InstanceID, t.Task, t.EndEvent = snap.Instance.ID, snap.CurrentTask(), snap.EndEvent()
	}
	d, err := h.az.Authorize(c.Request.Context(), who, t, rel.Policy)
	if err != nil && !errors.Is(err, authz.ErrScope) {
		h.log.Warn("forms: authorisation failed", "target", t.InstanceID, "err", err)
	}
	return d.Allowed
}
