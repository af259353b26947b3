// SPDX-License-Identifier: MIT

package expr

import "time"

// Env is everything an expression can read. Any source may be nil; a function
// that needs a missing source fails with ErrUnavailable, except where Altinn
// defines a fallback (no texts: text returns the key; no settings: null).
// An Env is read-only during evaluation and may be shared by many evaluations,
// but the sources it holds decide whether that is safe concurrently.
type Env struct {
	Data       DataSource
	Components ComponentResolver
	Texts      TextSource
	Options    OptionSource
	Instance   *Instance
	// FrontendSettings holds the FrontEndSettings section of appsettings.
	FrontendSettings map[string]Value
	// Auth holds the actions the user may perform on the instance (read,
	// write, instantiate, confirm, sign, reject) for authContext.
	Auth map[string]bool
	// Language is the user's language; "" means "nb", Altinn's default.
	Language string
	// TimeZone is where formatDate shows timestamps that carry an offset; nil
	// means UTC, as the frontend uses.
	TimeZone *time.Location
	// GatewayAction is the action that ended the previous task, for BPMN
	// gateway conditions; "" makes gatewayAction() null.
	GatewayAction string
	// TaskID is the current process task, used in links built by linkToPage.
	TaskID string
}

// Scope is where an expression is evaluated: the component (and repeating
// group row) it belongs to. The zero Scope evaluates at the top of the default
// data model with no component.
type Scope struct {
	Page      string
	Component string
	// DataType is the default data type for dataModel lookups; "" means the
	// DataSource's default.
	DataType string
	// Row is the indexed path of the innermost repeating-group row, for
	// example Bedrifter[1].Ansatte[0]; unindexed paths are transposed onto it.
	Row Path
	// RowDataType is the data type Row belongs to ("" = DataType).
	RowDataType string
	// Args are the positional arguments read by argv, such as the field path
	// a validation.json rule runs for.
	Args []Value
	// Option is the option an optionFilter expression is deciding on, for value.
	Option *Option
	// Handle is the ComponentResolver's own reference to the component.
	Handle any
}

// InRow reports whether paths of dataType are placed in the scope's
// repeating-group row: the scope has a row and the row belongs to the same
// data type. "" stands for the scope's DataType on both sides, so a binding
// that names the default data type and one that leaves it out agree.
func (s *Scope) InRow(dataType string) bool {
	if s == nil || len(s.Row) == 0 {
		return false
	}
	return sameDataType(dataType, s.RowDataType, s.DataType)
}

// Rows returns the row indices of the scope, outermost first.
func (s *Scope) Rows() []int {
	if s == nil {
		return nil
	}
	return s.Row.Indices()
}

// DataSource reads values from the instance's data models.
type DataSource interface {
	// Lookup returns the value at p in the data element of dataType ("" means
	// the default data type). p has the indices the expression and its row
	// give; a list met without an index is returned whole if it is the last
	// segment and is otherwise a miss. A miss is null, not an error; an unknown
	// data type is an error.
	Lookup(dataType string, p Path) (Value, error)
}

// RowCounter is what a DataSource may also implement to count the rows of a
// repeating group without building them as values, which Lookup would.
type RowCounter interface {
	// CountRows returns the length of the list at p (0 when there is none),
	// with Lookup's meaning of dataType, p and errors.
	CountRows(dataType string, p Path) (int, error)
}

// CountRows returns the length of the list at p in d, through RowCounter
// when d implements it.
func CountRows(d DataSource, dataType string, p Path) (int, error) {
	if rc, ok := d.(RowCounter); ok {
		return rc.CountRows(dataType, p)
	}
	v, err := d.Lookup(dataType, p)
	return len(v.AsList()), err
}

// ComponentResolver finds components for component, displayValue and
// linkToComponent.
type ComponentResolver interface {
	// Resolve finds the component with id as seen from scope: in the same
	// repeating-group row or an enclosing one, then anywhere outside repeating
	// groups. It returns nil and no error when there is no such component.
	Resolve(env *Env, from *Scope, id string) (*ComponentRef, error)
}

// ComponentRef is a resolved component instance.
type ComponentRef struct {
	ID, Page, Type string
	// Hidden is true when the component, its row, a container around it or its
	// page is hidden.
	Hidden bool
	// Container is true for groups and other components that hold children.
	Container bool
	// SimpleBinding is the component's simpleBinding, indexed for its row, or nil.
	SimpleBinding *Binding
	// OptionsID and Options are the component's code list, for displayValue.
	OptionsID string
	Options   []Option
}

// Binding is a data model binding: a data type ("" = default) and a path.
type Binding struct {
	DataType string
	Path     Path
}

// TextSource holds the app's text resources in the user's language.
type TextSource interface {
	Text(key string) (TextResource, bool)
}

// TextResource is one text with its variables.
type TextResource struct {
	Value     string
	Variables []TextVariable
}

// TextVariable fills {n} in a text from a data source: dataModel.<dataType>,
// instanceContext or applicationSettings. DefaultValue is used when the source
// has no value; without one the key itself is shown.
type TextVariable struct {
	Key          string
	DataSource   string
	DefaultValue *string
}

// OptionSource holds the app's code lists, for optionLabel and displayValue.
type OptionSource interface {
	Options(id string) ([]Option, bool)
}

// Option is one entry of a code list. Label, Description and HelpText may be
// text resource keys.
type Option struct {
	Value       Value
	Label       string
	Description string
	HelpText    string
}

// Instance is the part of an Altinn instance that expressions can see.
type Instance struct {
	ID, AppID         string
	OwnerPartyID      string
	OwnerOrgNumber    string
	OwnerPersonNumber string
	OwnerUsername     string
	// DataTypes lists the data type of every data element, for countDataElements.
	DataTypes []string
}
