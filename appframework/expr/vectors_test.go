// SPDX-License-Identifier: MIT

package expr_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// vectorFloor is the number of shared vectors that must pass. Raise it when a
// change makes more pass; it only goes down with a reason in the commit.
const vectorFloor = 672

// TestVectors runs Altinn's shared expression test vectors
// (shared/corpus/expressions): functions/ and invalid/ evaluate expressions,
// context-lists/ compare the expanded component tree.
func TestVectors(t *testing.T) {
	root := testcorpus.Path(t, "expressions")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	passed := 0
	var failures []string
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		reason := runVectorFile(f)
		if reason == "" {
			passed++
			continue
		}
		failures = append(failures, fmt.Sprintf("FAIL %s: %s", filepath.ToSlash(rel), reason))
	}
	for _, f := range failures {
		t.Log(f)
	}
	summary := fmt.Sprintf("expressions: %d/%d", passed, len(files))
	t.Log(summary)
	if testing.Verbose() {
		fmt.Println(summary)
	}
	if passed < vectorFloor {
		t.Errorf("%s, below the floor of %d", summary, vectorFloor)
	}
}

type vectorItem struct {
	Name           string          `json:"name"`
	Expression     json.RawMessage `json:"expression"`
	Expects        json.RawMessage `json:"expects"`
	ExpectsFailure *string         `json:"expectsFailure"`
}

type vectorFile struct {
	vectorItem
	TestCases []vectorItem `json:"testCases"`
	Context   *struct {
		Component     string `json:"component"`
		CurrentLayout string `json:"currentLayout"`
		RowIndices    []int  `json:"rowIndices"`
	} `json:"context"`
	Layouts    json.RawMessage `json:"layouts"`
	DataModel  json.RawMessage `json:"dataModel"`
	DataModels []struct {
		DataElement struct {
			ID       string `json:"id"`
			DataType string `json:"dataType"`
		} `json:"dataElement"`
		Data json.RawMessage `json:"data"`
	} `json:"dataModels"`
	Instance *struct {
		ID            string `json:"id"`
		AppID         string `json:"appId"`
		InstanceOwner struct {
			PartyID            string  `json:"partyId"`
			OrganisationNumber *string `json:"organisationNumber"`
			PersonNumber       *string `json:"personNumber"`
			Username           *string `json:"username"`
		} `json:"instanceOwner"`
	} `json:"instance"`
	FrontendSettings map[string]any `json:"frontendSettings"`
	TextResources    []struct {
		ID        string              `json:"id"`
		Value     string              `json:"value"`
		Variables []expr.TextVariable `json:"variables"`
	} `json:"textResources"`
	ProfileSettings *struct {
		Language string `json:"language"`
	} `json:"profileSettings"`
	PositionalArguments []any           `json:"positionalArguments"`
	ExpectedContexts    json.RawMessage `json:"expectedContexts"`
	GatewayAction       string          `json:"gatewayAction"`
}

type textMap map[string]expr.TextResource

func (m textMap) Text(key string) (expr.TextResource, bool) {
	r, ok := m[key]
	return r, ok
}

// runVectorFile returns "" when every expression in the file behaves as
// expected, or the first reason it does not.
func runVectorFile(path string) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	var v vectorFile
	if err := json.Unmarshal(raw, &v); err != nil {
		return "cannot read vector: " + err.Error()
	}
	env, scope, err := vectorEnv(&v)
	if v.ExpectedContexts != nil {
		if err != nil {
			return "building tree: " + err.Error()
		}
		return compareContexts(env.Components.(*layouttree.Tree), v.ExpectedContexts)
	}
	if err != nil {
		if v.ExpectsFailure != nil {
			return matchFailure(*v.ExpectsFailure, err)
		}
		return "setting up: " + err.Error()
	}
	items := v.TestCases
	if v.Expression != nil {
		items = append([]vectorItem{v.vectorItem}, items...)
	}
	if len(items) == 0 {
		return "vector has no expression"
	}
	for i, it := range items {
		if reason := runItem(env, scope, it); reason != "" {
			if len(items) > 1 {
				return fmt.Sprintf("case %d %s: %s", i, it.Expression, reason)
			}
			return reason
		}
	}
	return ""
}

func runItem(env *expr.Env, scope *expr.Scope, it vectorItem) string {
	e, err := expr.Parse(it.Expression)
	var got expr.Value
	if err == nil {
		got, err = e.Eval(env, scope)
	}
	if it.ExpectsFailure != nil {
		if err == nil {
			return fmt.Sprintf("expected failure %q, got %s", *it.ExpectsFailure, got)
		}
		return matchFailure(*it.ExpectsFailure, err)
	}
	if err != nil {
		return "unexpected error: " + err.Error()
	}
	var want expr.Value
	if it.Expects == nil {
		return "vector has neither expects nor expectsFailure"
	}
	if err := json.Unmarshal(it.Expects, &want); err != nil {
		return "bad expects: " + err.Error()
	}
	if !got.Equal(want) {
		return fmt.Sprintf("got %s, want %s", got, want)
	}
	return ""
}

// matchFailure checks an error against the vector's pattern, which the C#
// runner matches as *pattern* with * wildcards; "" accepts any error.
func matchFailure(pattern string, err error) string {
	msg := err.Error()
	rest := msg
	for part := range strings.SplitSeq(pattern, "*") {
		i := strings.Index(rest, part)
		if i < 0 {
			return fmt.Sprintf("error %q does not match %q", msg, pattern)
		}
		rest = rest[i+len(part):]
	}
	return ""
}

func vectorEnv(v *vectorFile) (*expr.Env, *expr.Scope, error) {
	data := &expr.JSONData{Default: "default", Models: map[string]any{}}
	env := &expr.Env{Data: data, Language: "nb", GatewayAction: v.GatewayAction, Instance: &expr.Instance{}}
	if len(v.DataModels) > 0 {
		data.Default = v.DataModels[0].DataElement.DataType
		for _, dm := range v.DataModels {
			var x any
			if err := json.Unmarshal(dm.Data, &x); err != nil {
				return nil, nil, err
			}
			if _, seen := data.Models[dm.DataElement.DataType]; !seen {
				data.Models[dm.DataElement.DataType] = x
			}
			env.Instance.DataTypes = append(env.Instance.DataTypes, dm.DataElement.DataType)
		}
	} else {
		var x any = map[string]any{}
		if v.DataModel != nil {
			if err := json.Unmarshal(v.DataModel, &x); err != nil {
				return nil, nil, err
			}
		}
		data.Models["default"] = x
		env.Instance.DataTypes = []string{"default"}
	}
	if in := v.Instance; in != nil {
		env.Instance.ID, env.Instance.AppID = in.ID, in.AppID
		env.Instance.OwnerPartyID = in.InstanceOwner.PartyID
		deref := func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		}
		env.Instance.OwnerOrgNumber = deref(in.InstanceOwner.OrganisationNumber)
		env.Instance.OwnerPersonNumber = deref(in.InstanceOwner.PersonNumber)
		env.Instance.OwnerUsername = deref(in.InstanceOwner.Username)
	}
	if v.FrontendSettings != nil {
		env.FrontendSettings = map[string]expr.Value{}
		for k, s := range v.FrontendSettings {
			env.FrontendSettings[k] = expr.FromAny(s)
		}
	}
	if v.TextResources != nil {
		texts := textMap{}
		for _, r := range v.TextResources {
			texts[r.ID] = expr.TextResource{Value: r.Value, Variables: r.Variables}
		}
		env.Texts = texts
	}
	if v.ProfileSettings != nil && v.ProfileSettings.Language != "" {
		env.Language = v.ProfileSettings.Language
	}
	scope := &expr.Scope{}
	if v.Layouts != nil {
		pages, err := orderedPages(v.Layouts)
		if err != nil {
			return nil, nil, err
		}
		l, err := layouttree.Parse(pages)
		if err != nil {
			return nil, nil, err
		}
		tree, err := l.Expand(env)
		if err != nil {
			return nil, nil, err
		}
		env.Components = tree
		if v.Context != nil {
			n := tree.Find(v.Context.CurrentLayout, v.Context.Component, v.Context.RowIndices)
			if n == nil {
				return nil, nil, fmt.Errorf("context component %s%v on %s not found", v.Context.Component, v.Context.RowIndices, v.Context.CurrentLayout)
			}
			scope = n.Scope()
		} else if len(tree.Pages) > 0 {
			scope = tree.Pages[0].Scope()
		}
	}
	if v.PositionalArguments != nil {
		s := *scope
		for _, a := range v.PositionalArguments {
			s.Args = append(s.Args, expr.FromAny(a))
		}
		scope = &s
	}
	return env, scope, nil
}

// orderedPages reads the layouts object keeping its key order, which decides
// the page order.
func orderedPages(raw json.RawMessage) ([]layouttree.PageSource, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	if _, err := d.Token(); err != nil {
		return nil, err
	}
	var pages []layouttree.PageSource
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, err
		}
		var page json.RawMessage
		if err := d.Decode(&page); err != nil {
			return nil, err
		}
		pages = append(pages, layouttree.PageSource{ID: k.(string), JSON: page})
	}
	return pages, nil
}

type ctxSpec struct {
	Component     string    `json:"component"`
	CurrentLayout string    `json:"currentLayout"`
	RowIndices    []int     `json:"rowIndices"`
	Children      []ctxSpec `json:"children"`
}

func compareContexts(tree *layouttree.Tree, raw json.RawMessage) string {
	var want []ctxSpec
	if err := json.Unmarshal(raw, &want); err != nil {
		return err.Error()
	}
	var got []ctxSpec
	for _, p := range tree.Pages {
		got = append(got, specOf(p))
	}
	normalize(want)
	normalize(got)
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		return fmt.Sprintf("contexts differ:\n got  %s\n want %s", g, w)
	}
	return ""
}

func specOf(n *layouttree.Node) ctxSpec {
	s := ctxSpec{Component: n.ID(), CurrentLayout: n.Page.ID, RowIndices: n.Rows()}
	for _, c := range n.Children {
		if c.Row {
			for _, rc := range c.Children {
				s.Children = append(s.Children, specOf(rc))
			}
			continue
		}
		s.Children = append(s.Children, specOf(c))
	}
	return s
}

func normalize(s []ctxSpec) {
	for i := range s {
		if len(s[i].RowIndices) == 0 {
			s[i].RowIndices = nil
		}
		if len(s[i].Children) == 0 {
			s[i].Children = nil
		}
		normalize(s[i].Children)
	}
}
