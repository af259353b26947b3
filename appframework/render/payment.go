// SPDX-License-Identifier: MIT

package render

import (
	"html/template"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// payment renders Payment (the order and a pay button) and PaymentDetails
// (the order only).
func (st *state) payment(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, _ := st.titled(n, c, ctx, "table", nil)
	pay := st.c.Payment
	if pay == nil || len(pay.Lines) == 0 {
		v.Kind = "alert"
		v.Color = "info"
		v.Body = template.HTML("<p>" + template.HTMLEscapeString(ui(st.lang, uiNoPayment)) + "</p>")
	} else {
		t := &table{Caption: v.Title, SRCaption: v.Title != ""}
		if t.Caption == "" {
			t.Caption = escape(ui(st.lang, uiPay))
		}
		t.Headers = []cell{{Text: escape(ui(st.lang, uiName))}, {Text: escape(ui(st.lang, uiQuantity))}, {Text: escape(ui(st.lang, uiPrice))}}
		nf := &numFmt{scale: 2, thousand: "\u00a0", decimal: ",", suffix: " " + pay.Currency}
		if st.lang == "en" {
			nf.thousand, nf.decimal = ",", "."
		}
		total := 0.0
		for _, l := range pay.Lines {
			total += l.Quantity * l.Price
			t.Rows = append(t.Rows, &row{Cells: []cell{{Text: escape(l.Name)}, {Text: escape(valueText(expr.Number(l.Quantity)))},
				{Text: escape(nf.format(valueText(expr.Number(l.Price))))}}})
		}
		t.Rows = append(t.Rows, &row{Cells: []cell{{Text: escape(ui(st.lang, uiTotal)), Header: true}, {}, {Text: escape(nf.format(valueText(expr.Number(total))))}}})
		v.Table = t
	}
	if c.Type == "Payment" && st.mode == Edit && !ctx.readOnly {
		if pay != nil && pay.Status == "paid" {
			v.Desc = escape(ui(st.lang, uiPaid))
		} else {
			v.Buttons = []button{{Action: Action{Kind: ActProcess, Arg: "pay"}.String(), Text: escape(ui(st.lang, uiPay))}}
		}
	}
	return v
}
