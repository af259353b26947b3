// SPDX-License-Identifier: MIT

package policy_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/policy"
)

func ExamplePolicy_Decide() {
	const str = `DataType="http://www.w3.org/2001/XMLSchema#string"`
	p, err := policy.Parse(strings.NewReader(`<Policy xmlns="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p"
    RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">
  <Rule RuleId="dagl-task1" Effect="Permit"><Target>
    <AnyOf><AllOf><Match MatchId="urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case">
      <AttributeValue `+str+`>DAGL</AttributeValue>
      <AttributeDesignator AttributeId="urn:altinn:rolecode" Category="urn:oasis:names:tc:xacml:1.0:subject-category:access-subject" `+str+`/>
    </Match></AllOf></AnyOf>
    <AnyOf><AllOf><Match MatchId="urn:oasis:names:tc:xacml:1.0:function:string-equal">
      <AttributeValue `+str+`>Task_1</AttributeValue>
      <AttributeDesignator AttributeId="urn:altinn:task" Category="urn:oasis:names:tc:xacml:3.0:attribute-category:resource" `+str+`/>
    </Match></AllOf></AnyOf>
  </Target></Rule>
  <ObligationExpressions><ObligationExpression ObligationId="urn:altinn:obligation:authenticationLevel1" FulfillOn="Permit">
    <AttributeAssignmentExpression AttributeId="a" Category="urn:altinn:minimum-authenticationlevel">
      <AttributeValue DataType="http://www.w3.org/2001/XMLSchema#integer">2</AttributeValue>
    </AttributeAssignmentExpression>
  </ObligationExpression></ObligationExpressions>
</Policy>`), policy.Options{Org: "ttd", App: "demo"})
	if err != nil {
		panic(err)
	}
	for _, level := range []int{2, 1} {
		d, _ := p.Decide(context.Background(), policy.Request{
			Subject:  policy.Subject{Roles: []string{"dagl"}, UserID: "1", AuthLevel: level},
			Resource: policy.Resource{Org: "ttd", App: "demo", Task: "Task_1"},
			Action:   "write",
		})
		fmt.Println(strings.TrimSpace(fmt.Sprintln(d.Effect, d.RuleID, d.Reason)))
	}
	// Output:
	// Permit dagl-task1
	// Deny dagl-task1 rule dagl-task1 permits, but authentication level 1 is below the required 2
}
