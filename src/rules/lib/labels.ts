// Labels for messages live in the model (the message catalogue needs them); re-exported for the rules.
export * from '../../model/labels.js';
