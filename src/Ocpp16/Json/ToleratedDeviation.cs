namespace Ocpp16.Json;

/// <summary>One deviation from the schema that a lenient read tolerated, at a JSON path such as <c>$.idTagInfo.parentIdTag</c>.</summary>
internal readonly record struct ToleratedDeviation(AnswerLeniency Kind, string Path);
