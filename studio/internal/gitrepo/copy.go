// SPDX-License-Identifier: MIT

package gitrepo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// Copy makes dstOrg/dstApp a copy of srcOrg/srcApp: the history of main
// (other branches stay behind), then one commit "App copied from …" that
// rewrites the app id and org in App/config/applicationmetadata.json and
// any literal org or app name in policy.xml's org and app matches. The
// target may be in another org.
func (s *Store) Copy(ctx context.Context, srcOrg, srcApp, dstOrg, dstApp string, author Author) (string, error) {
	src, err := s.Open(ctx, srcOrg, srcApp)
	if err != nil {
		return "", err
	}
	if _, err := s.Path(dstOrg, dstApp); err != nil {
		return "", err
	}
	return s.build(ctx, dstOrg, dstApp, func(tmp string) (*Repo, error) {
		// A local clone hard-links the objects: fast, and objects never change.
		if _, err := s.runGit(ctx, src.dir, "clone", "--bare", "--quiet", "--single-branch", "--branch", MainBranch, "--", src.dir, tmp); err != nil {
			return nil, err
		}
		if _, err := s.runGit(ctx, tmp, "remote", "remove", "origin"); err != nil {
			return nil, err
		}
		r, err := s.openDir(tmp, dstOrg, dstApp)
		if err != nil {
			return nil, err
		}
		head, err := r.Head(ctx, MainBranch)
		if err != nil {
			return nil, err
		}
		changes, err := r.retarget(ctx, head, srcOrg, srcApp, dstOrg, dstApp)
		if err != nil {
			return nil, err
		}
		if len(changes) > 0 {
			msg := fmt.Sprintf("App copied from %s/%s", srcOrg, srcApp)
			if _, err := r.Commit(ctx, MainBranch, head, author, msg, changes); err != nil {
				return nil, err
			}
		}
		return r, nil
	})
}

// retarget returns the changes that make the app at rev belong to
// dstOrg/dstApp.
func (r *Repo) retarget(ctx context.Context, rev, srcOrg, srcApp, dstOrg, dstApp string) ([]Change, error) {
	fsys, err := r.FS(ctx, rev)
	if err != nil {
		return nil, err
	}
	a, err := app.Load(fsys, app.Options{})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: copy: the source app does not load: %w", err)
	}
	var out []Change
	metaPath := a.Root + "config/applicationmetadata.json"
	meta, err := r.ReadFile(ctx, rev, metaPath)
	if err != nil {
		return nil, err
	}
	newMeta, err := setTopLevelStrings(meta, map[string]string{"id": dstOrg + "/" + dstApp, "org": dstOrg})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: copy: %s: %w", metaPath, err)
	}
	out = append(out, Change{Path: metaPath, Content: newMeta})
	polPath := a.Root + "config/authorization/policy.xml"
	if pol, err := r.ReadFile(ctx, rev, polPath); err == nil {
		if newPol := retargetPolicy(pol, srcOrg, srcApp, dstOrg, dstApp); !bytes.Equal(newPol, pol) {
			out = append(out, Change{Path: polPath, Content: newPol})
		}
	}
	return out, nil
}

// setTopLevelStrings replaces (or adds) top-level string members of a JSON
// object, keeping every other byte, so key order, formatting and comments
// survive and the commit's diff shows only the change.
func setTopLevelStrings(data []byte, set map[string]string) ([]byte, error) {
	bom := []byte("\ufeff")
	hasBOM := bytes.HasPrefix(data, bom)
	data = bytes.TrimPrefix(data, bom)
	// Relax blanks comments and trailing commas in place, so offsets in the
	// relaxed copy are offsets in data.
	dec := json.NewDecoder(bytes.NewReader(app.Relax(data)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	type span struct {
		from, to int
		val      string
	}
	var spans []span
	missing := maps.Clone(set)
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		end := int(dec.InputOffset())
		var old string
		if v, want := set[key]; want && json.Unmarshal(raw, &old) == nil {
			spans = append(spans, span{end - len(raw), end, v})
			delete(missing, key)
		}
	}
	out := bytes.Clone(data)
	// Replace from the end so earlier offsets stay valid.
	slices.SortFunc(spans, func(a, b span) int { return b.from - a.from })
	for _, sp := range spans {
		v, _ := json.Marshal(sp.val)
		out = slices.Concat(out[:sp.from], v, out[sp.to:])
	}
	if len(missing) > 0 {
		var m map[string]any
		if err := json.Unmarshal(app.Relax(out), &m); err != nil {
			return nil, err
		}
		for k, v := range missing {
			m[k] = v
		}
		enc, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return nil, err
		}
		return append(enc, '\n'), nil
	}
	if hasBOM {
		out = append(bom, out...)
	}
	return out, nil
}

// policyMatchRE finds an AttributeValue followed by its org or app
// designator in a XACML Match.
var policyMatchRE = regexp.MustCompile(`(<(?:\w+:)?AttributeValue[^>]*>)\s*([^<]*?)\s*(</(?:\w+:)?AttributeValue>\s*<(?:\w+:)?AttributeDesignator[^>]*AttributeId="urn:altinn:(org|app)")`)

// retargetPolicy rewrites literal org and app names in policy matches;
// Altinn's [ORG] and [APP] placeholders need nothing.
func retargetPolicy(pol []byte, srcOrg, srcApp, dstOrg, dstApp string) []byte {
	return policyMatchRE.ReplaceAllFunc(pol, func(m []byte) []byte {
		sub := policyMatchRE.FindSubmatch(m)
		val, attr := string(sub[2]), string(sub[4])
		switch {
		case attr == "org" && strings.EqualFold(val, srcOrg):
			val = dstOrg
		case attr == "app" && val == srcApp:
			val = dstApp
		default:
			return m
		}
		return []byte(string(sub[1]) + val + string(sub[3]))
	})
}
