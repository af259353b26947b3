// SPDX-License-Identifier: MIT

// Package process reads an Altinn 3 app's process definition
// (App/config/process/process.bpmn) and runs it as a state machine.
//
// Parse accepts BPMN 2.0 with the altinn: extensions in whatever namespace
// prefixes the file uses: tasks (data, confirmation, signing, payment, feedback,
// and service tasks such as pdf and eFormidling) with their actions,
// signatureConfig and paymentConfig; exclusive gateways whose outgoing flows
// carry expression conditions (appframework/expr) and a default flow; and the
// legacy altinn:tasktype attribute that lib v7 apps still carry. It rejects
// only what cannot run: malformed XML, no start event, flows to unknown
// elements, unsupported flow nodes and gateway cycles that pass no task, each
// with the line in the file.
//
// Definition.Next moves an instance: from the task it is in, with the action
// that ends the task, through any gateways to the next task or end event.
// Gateway conditions are decided by a GatewayEval, so the runtime can supply
// the instance data; ExprEval is one over an expr.Env.
//
// Check reports what is legal BPMN but wrong for an app: unreachable elements,
// gateways without a default flow, tasks without a layout set, references to
// unknown data types and so on. Its findings are lint, not load errors.
package process
