import type { Rule } from '../define-rule.js';
import bodyUnescapedInput from './body-unescaped-input.js';
import categoryTooLong from './category-too-long.js';
import contractRef from './contract-ref.js';
import contractRootNotObject from './contract-root-not-object.js';
import defaultForUnknownKey from './default-for-unknown-key.js';
import defaultNotJson from './default-not-json.js';
import getWithBody from './get-with-body.js';
import indefinitePathScalarOutput from './indefinite-path-scalar-output.js';
import inputContractNotFlat from './input-contract-not-flat.js';
import inputNameInvalid from './input-name-invalid.js';
import inputNameReserved from './input-name-reserved.js';
import jsonpathMissingRoot from './jsonpath-missing-root.js';
import jsonpathPositionalParticipant from './jsonpath-positional-participant.js';
import jsonpathSyntax from './jsonpath-syntax.js';
import literalCredential from './literal-credential.js';
import nameTooLong from './name-too-long.js';
import optionalInputFormalReference from './optional-input-formal-reference.js';
import outputNestedArray from './output-nested-array.js';
import participantIdAsCommunicationId from './participant-id-as-communication-id.js';
import successTemplateInvalidJson from './success-template-invalid-json.js';
import successTemplateQuotedVariable from './success-template-quoted-variable.js';
import successTemplateUnknownVariable from './success-template-unknown-variable.js';
import timeoutOutOfRange from './timeout-out-of-range.js';
import unknownInputReference from './unknown-input-reference.js';
import unusedInput from './unused-input.js';
import unusedTranslation from './unused-translation.js';
import urlUnencodedInput from './url-unencoded-input.js';
import velocitySyntax from './velocity-syntax.js';

/** Every rule, in the order they run and are listed. */
export const allRules: readonly Rule[] = [
  bodyUnescapedInput,
  categoryTooLong,
  contractRef,
  contractRootNotObject,
  defaultForUnknownKey,
  defaultNotJson,
  getWithBody,
  indefinitePathScalarOutput,
  inputContractNotFlat,
  inputNameInvalid,
  inputNameReserved,
  jsonpathMissingRoot,
  jsonpathPositionalParticipant,
  jsonpathSyntax,
  literalCredential,
  nameTooLong,
  optionalInputFormalReference,
  outputNestedArray,
  participantIdAsCommunicationId,
  successTemplateInvalidJson,
  successTemplateQuotedVariable,
  successTemplateUnknownVariable,
  timeoutOutOfRange,
  unknownInputReference,
  unusedInput,
  unusedTranslation,
  urlUnencodedInput,
  velocitySyntax,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.id, rule]));
