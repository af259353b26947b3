// SPDX-License-Identifier: MIT

package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestMarkdown(t *testing.T) {
	t.Parallel()
	h := func(n int) int { return n + 1 }
	for _, tc := range []struct {
		name, in, want string
		inline         bool
	}{
		{"plain", "Hei", "<p>Hei</p>", false},
		{"inline plain", "Hei", "Hei", true},
		{"paragraphs", "a\n\nb", "<p>a</p><p>b</p>", false},
		{"line break", "a\nb", "<p>a<br>b</p>", false},
		{"strong em", "**sterk** og *kursiv* og __s__ og _k_", "<p><strong>sterk</strong> og <em>kursiv</em> og <strong>s</strong> og <em>k</em></p>", false},
		{"snake case", "a_b_c", "a_b_c", true},
		{"lone star", "2 * 3", "2 * 3", true},
		{"escape", `2\. Endre`, "2. Endre", true},
		{"link", "[Altinn](https://altinn.no)", `<a href="https://altinn.no">Altinn</a>`, true},
		{"mailto", "[skriv](mailto:a@b.no)", `<a href="mailto:a@b.no">skriv</a>`, true},
		{"relative", "[side](/ttd/app?x=1&y=2)", `<a href="/ttd/app?x=1&amp;y=2">side</a>`, true},
		{"javascript link", "[klikk](javascript:alert(1))", "klikk)", true},
		{"data link", "[x](data:text/html,hi)", "x", true},
		{"heading", "# Tittel\ntekst", "<h2>Tittel</h2><p>tekst</p>", false},
		{"heading inline", "# Tittel", "# Tittel", true},
		{"list", "- a\n- b\n\n1. c\n2. d", "<ul><li>a</li><li>b</li></ul><ol><li>c</li><li>d</li></ol>", false},
		{"list after text", "Tekst:\n- a", "<p>Tekst:</p><ul><li>a</li></ul>", false},
		{"html tags", "<b>Advarsel</b></br>Bare <i>Patentstyret</i><br/>x<BR>", "<strong>Advarsel</strong><br>Bare <em>Patentstyret</em><br>x<br>", true},
		{"script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", true},
		{"attribute", `<b onclick="x">y</b>`, "&lt;b onclick=&#34;x&#34;&gt;y&lt;/b&gt;", true},
		{"img", `<img src=x onerror=alert(1)>`, "&lt;img src=x onerror=alert(1)&gt;", true},
		{"quote in link", `[a](https://x.no/"onmouseover=")`, `a`, true},
		{"unclosed", "**open", "**open", true},
		{"nested", "**a *b* c**", "<strong>a <em>b</em> c</strong>", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := string(markdown(tc.in, mdOptions{inline: tc.inline, heading: h}))
			if got != tc.want {
				t.Errorf("markdown(%q) =\n %s\nwant\n %s", tc.in, got, tc.want)
			}
		})
	}
}

// xss are inputs that try to get markup through.
var xss = []string{
	`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `[x](javascript:alert(1))`,
	`[x](JaVaScRiPt:alert(1))`, `[x](vbscript:msgbox)`, `[x](data:text/html;base64,PHNjcmlwdD4=)`,
	`<a href="javascript:alert(1)">x</a>`, `<b><script>x</script></b>`, `"><svg onload=alert(1)>`,
	`[x](https://a.no" onclick="alert(1))`, `<iframe src=//evil>`, "<b\n onclick=x>y</b>", `<<b>>`,
	`**<style>*{}</style>**`, `[<img src=x>](https://a.no)`, `&lt;script&gt;`, `<br onclick=x>`,
	`[x]( javascript:alert(1))`, "[x](java\tscript:alert(1))", `<b>unclosed`, `</b>`,
}

func TestMarkdownXSS(t *testing.T) {
	t.Parallel()
	for _, in := range xss {
		for _, inline := range []bool{false, true} {
			checkSafeHTML(t, in, string(markdown(in, mdOptions{inline: inline, heading: func(n int) int { return n }})))
		}
	}
}

// allowedMarkup is every element and attribute markdown may write.
var allowedMarkup = map[string]bool{"p": true, "br": true, "strong": true, "em": true, "a": true, "ul": true, "ol": true,
	"li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// checkSafeHTML parses out as a fragment and fails on any element or
// attribute markdown never writes, and on links to other schemes.
func checkSafeHTML(t *testing.T, in, out string) {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(out), ctx)
	if err != nil {
		t.Fatalf("%q: %v", in, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowedMarkup[n.Data] {
				t.Errorf("markdown(%q) wrote <%s>: %s", in, n.Data, out)
			}
			for _, a := range n.Attr {
				if n.Data != "a" || a.Key != "href" {
					t.Errorf("markdown(%q) wrote attribute %s on <%s>: %s", in, a.Key, n.Data, out)
					continue
				}
				if _, ok := safeURL(a.Val); !ok {
					t.Errorf("markdown(%q) wrote unsafe href %q", in, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range xss {
		f.Add(s)
	}
	f.Add("# a\n\n- **b**\n- _c_ [d](https://e.no)\n1. f")
	f.Fuzz(func(t *testing.T, s string) {
		checkSafeHTML(t, s, string(markdown(s, mdOptions{heading: func(n int) int { return n + 1 }})))
		checkSafeHTML(t, s, string(markdown(s, mdOptions{inline: true})))
	})
}
