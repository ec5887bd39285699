import type { ExpressionType } from './types.js';

/**
 * Architect's expression functions with their signatures, from Genesys's Architect expression help
 * (help.mypurecloud.com "Architect expression help" and the per-function pages). `T` is one type for the
 * whole call (`If(boolean, T, T): T`); `TCollection` is a collection of it; `?` marks an optional parameter
 * and `...` a repeated last one. Overloads are separate entries. Names match without case, as in Architect.
 */
const signatures = `
Abs(decimal): decimal
AddDays(dateTime, integer): dateTime
AddHours(dateTime, integer): dateTime
AddMinutes(dateTime, integer): dateTime
AddMonths(dateTime, integer): dateTime
AddSeconds(dateTime, integer): dateTime
AddYears(dateTime, integer): dateTime
AddItem(TCollection, T): TCollection
AddItemAt(TCollection, integer, T): TCollection
AddItems(TCollection, TCollection): TCollection
Append(any, ...any): string
AreEqual(any, any, boolean?): boolean
AudioPlaybackOptions(audio, boolean): audio
Ceiling(decimal): integer
Contains(string, string, boolean?): boolean
Contains(TCollection, T): boolean
Count(anyCollection): integer
DateTimeDiff(dateTime, dateTime): duration
Distinct(TCollection): TCollection
Floor(decimal): integer
FindFirst(TCollection, T, integer?): integer
FindFirstNot(TCollection, T, integer?): integer
FindLast(TCollection, T): integer
FindString(string, string, boolean?): integer
FindStringLast(string, string): integer
FindSkill(string): skill
FindLanguageSkill(string): languageSkill
FindQueue(string): queue
FindQueueById(string): queue
FindQueueByName(string): queue
FindUser(string): user
FindUserById(string): user
FindGroup(string): group
FindGroupById(string): group
FindScheduleGroup(string): scheduleGroup
FindSchedule(string): schedule
FindEmergencyGroup(string): emergencyGroup
FindUserPrompt(string): audio
FindSystemPrompt(string): audio
FindWrapupCode(string): wrapupCode
FindWrapupCodeById(string): wrapupCode
Format(any, ...any): string
FormatDecimal(decimal, string?, string?): string
FormatInteger(integer, string?, string?): string
FormatDate(any, string?, string?): string
FormatDateTime(dateTime, string?, string?): string
GetAt(TCollection, integer): T
GetCurrentDateTimeUtc(): dateTime
GetCurrentDateUtc(): date
GetCurrentTimeUtc(): time
GetDayOfWeek(dateTime): integer
GetJsonObjectProperty(json, string): json
GetJsonObjectPropertyOrDefault(json, string, json): json
GetJsonProperty(json, string): json
GetJsonPropertyOrDefault(json, string, json): json
GetJsonArrayItem(json, integer): json
GetJsonArrayLength(json): integer
GetJsonObjectKeys(json): stringCollection
GetJsonType(json): string
GetLength(string): integer
GetRandomInteger(integer, integer): integer
GetTimeZoneOffset(string, dateTime?): duration
If(boolean, T, T): T
IsDataTableRowFound(any): boolean
IsNotSetOrEmpty(any): boolean
IsSet(any): boolean
IsSetAndNotEmpty(any): boolean
IsValidJson(string): boolean
JsonParse(string): json
JsonGetNumberOrDefault(json, string, decimal): decimal
Left(string, integer): string
Length(string): integer
Lower(string): string
MakeCommunication(any, ...any): communication
MakeDuration(integer, integer, integer, integer): duration
MakeDateTime(integer, integer, integer, integer?, integer?, integer?): dateTime
MakeDate(integer, integer, integer): date
MakeTime(integer, integer, integer): time
MakeList(T, ...T): TCollection
MakeEmptyList(any): anyCollection
MakeListAgentScorePair(userCollection, integerCollection): agentScorePairCollection
MakeAgentScorePair(user, integer): agentScorePair
MakeJson(any, ...any): json
Max(decimal, ...decimal): decimal
Min(decimal, ...decimal): decimal
Mid(string, integer, integer?): string
Now(): dateTime
Pad(string, integer, string?): string
PadLeft(string, integer, string?): string
PadRight(string, integer, string?): string
Power(decimal, decimal): decimal
Random(integer?, integer?): integer
RemoveDups(TCollection): TCollection
RemoveItem(TCollection, T): TCollection
RemoveItemAt(TCollection, integer): TCollection
RemoveItems(TCollection, TCollection): TCollection
Replace(string, string, string, boolean?): string
ReplaceItem(TCollection, T, T): TCollection
ReplaceItemAt(TCollection, integer, T): TCollection
ReplaceItemFirst(TCollection, T, T): TCollection
ResolveSlot(any): any
Reverse(TCollection): TCollection
Right(string, integer): string
Round(decimal, integer?): decimal
Slice(TCollection, integer, integer?): TCollection
Sort(TCollection, boolean?): TCollection
Split(string, string, boolean?): stringCollection
Substring(string, integer, integer?): string
Sum(anyCollection): decimal
ToAudio(any, ...any): audio
ToAudioBlank(integer): audio
ToAudioBool(boolean, ...any): audio
ToAudioCurrency(any, ...any): audio
ToAudioDate(any, ...any): audio
ToAudioDateTime(any, ...any): audio
ToAudioDigits(any, ...any): audio
ToAudioNumber(any, ...any): audio
ToAudioOrdinal(any, ...any): audio
ToAudioPhoneNumber(any, ...any): audio
ToAudioTTS(string, ...any): audio
ToAudioTime(any, ...any): audio
ToBool(any): boolean
ToCommunication(any, ...any): communication
ToCurrency(any, string?): currency
ToDate(any): date
ToDateTime(any, ...any): dateTime
ToDecimal(any): decimal
ToDisplayString(any, ...any): string
ToDuration(any): duration
ToEmergencyGroup(any): emergencyGroup
ToGroup(any): group
ToInt(any): integer
ToJson(any): json
ToJsonCollection(any): jsonCollection
ToLanguageSkill(any): languageSkill
ToPhoneNumber(any): phoneNumber
ToQueue(any): queue
ToSchedule(any): schedule
ToScheduleGroup(any): scheduleGroup
ToSkill(any): skill
ToString(any, ...any): string
ToTime(any): time
ToUser(any): user
ToUtilizationLabel(any): utilizationLabel
ToWrapupCode(any): wrapupCode
Trim(string): string
TrimLeft(string): string
TrimRight(string): string
Truncate(decimal): integer
Upper(string): string
`;

export interface FunctionSignature {
  name: string;
  params: Array<{ type: ExpressionType; optional: boolean; rest: boolean }>;
  returns: ExpressionType;
}

function parseSignature(line: string): FunctionSignature {
  const match = /^(\w+)\((.*)\): (\w+)$/.exec(line);
  if (!match) throw new Error(`bad signature: ${line}`);
  const params = match[2]!
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: p.replace(/^\.\.\.|\?$/g, ''), optional: p.endsWith('?'), rest: p.startsWith('...') }));
  return { name: match[1]!, params, returns: match[3]! };
}

const overloads = new Map<string, FunctionSignature[]>();
for (const line of signatures.split('\n').map((l) => l.trim()).filter(Boolean)) {
  const signature = parseSignature(line);
  const key = signature.name.toLowerCase();
  overloads.set(key, [...(overloads.get(key) ?? []), signature]);
}

/** The signatures of a function, matched without case; undefined for a function Architect does not have. */
export function functionOverloads(name: string): readonly FunctionSignature[] | undefined {
  return overloads.get(name.toLowerCase());
}

export function functionNames(): string[] {
  return [...overloads.values()].map((list) => list[0]!.name);
}

/** How a signature reads in a message: `Left(string, integer): string`. */
export function describeSignature(signature: FunctionSignature): string {
  const params = signature.params.map((p) => `${p.rest ? '...' : ''}${p.type}${p.optional ? '?' : ''}`).join(', ');
  return `${signature.name}(${params}): ${signature.returns}`;
}

export function arityOf(signature: FunctionSignature): { min: number; max: number } {
  const min = signature.params.filter((p) => !p.optional && !p.rest).length;
  const max = signature.params.some((p) => p.rest) ? Infinity : signature.params.length;
  return { min, max };
}

