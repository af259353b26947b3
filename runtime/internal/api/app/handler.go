// SPDX-License-Identifier: MIT

package app

import (
	"log/slog"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// Handler serves the app API.
type Handler struct {
	svc *instances.Service
	az  *authz.Authorizer
	log *slog.Logger
}

// New returns a Handler over the service and authorizer.
func New(svc *instances.Service, az *authz.Authorizer, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{svc: svc, az: az, log: log}
}

// Mount adds the routes to r behind mw (the authentication middleware).
func (h *Handler) Mount(r gin.IRouter, mw ...gin.HandlerFunc) {
	g := r.Group("/:org/:app", mw...)
	g.GET("/api/v1/applicationmetadata", h.metadata)
	g.GET("/api/v1/applicationsettings", h.applicationSettings)
	g.GET("/api/v1/texts/:language", h.texts)
	g.GET("/api/options/:optionsId", h.onCurrent(writeOptions))
	g.GET("/api/datalists/:id", h.onCurrent(writeDataList))
	// Every instance route needs a caller; asking first answers an anonymous
	// request 401 before any check of its input could tell what it lacks.
	g = g.Group("", signedIn)
	g.POST("/instances", h.instantiate)
	g.POST("/instances/create", h.createSimplified)
	g.GET("/instances/:party/active", h.active)
	i := g.Group("/instances/:party/:guid")
	i.GET("", h.getInstance)
	i.DELETE("", h.deleteInstance)
	i.POST("/complete", h.complete)
	i.PUT("/substatus", h.substatus)
	i.POST("/data", h.createData)
	i.PATCH("/data", h.patchData)
	i.POST("/data/:data", h.createDataTyped)
	i.GET("/data/:data", h.readData)
	i.PUT("/data/:data", h.replaceData)
	i.PATCH("/data/:data", h.patchElement)
	i.DELETE("/data/:data", h.deleteData)
	i.GET("/data/:data/tags", h.getTags)
	i.POST("/data/:data/tags", h.addTag)
	i.PUT("/data/:data/tags", h.putTags)
	i.DELETE("/data/:data/tags/:tag", h.deleteTag)
	i.GET("/process", h.getProcess)
	i.POST("/process/start", h.processStart)
	i.GET("/process/next", h.nextElements)
	i.PUT("/process/next", h.processNext)
	i.PUT("/process/completeProcess", h.completeProcess)
	i.GET("/process/history", h.processHistory)
	i.GET("/validate", h.validate)
	i.GET("/options/:optionsId", h.onPinned(writeOptions))
	i.GET("/datalists/:id", h.onPinned(writeDataList))
}
