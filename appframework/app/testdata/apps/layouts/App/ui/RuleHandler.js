var ruleHandlerObject = {};
