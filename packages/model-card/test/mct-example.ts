/** A Model Card Toolkit document (schema v0.0.2 field names), as MCT's scaffold writes one for a census model. */
export function mctExample(): Record<string, unknown> {
  return {
    schema_version: '0.0.2',
    model_details: {
      name: 'Census income classifier',
      overview: 'Predicts whether income exceeds 50k from census data.',
      owners: [{ name: 'Model Cards Team', contact: 'model-cards@example.com' }],
      version: { name: 'v1.0', date: '2020-01-01' },
      licenses: [{ identifier: 'Apache-2.0' }],
      references: [{ reference: 'https://archive.ics.uci.edu/ml/datasets/census+income' }],
      citations: [{ style: 'text', citation: 'Census income classifier, 2020' }],
    },
    model_parameters: {
      model_architecture: 'Wide and deep network',
      data: [
        {
          name: 'UCI Census Income',
          link: 'https://archive.ics.uci.edu/ml/datasets/census+income',
          description: '32,561 training rows',
        },
      ],
      input_format: 'tf.Example',
    },
    quantitative_analysis: {
      performance_metrics: [
        {
          type: 'accuracy',
          value: '0.85',
          slice: 'sex_Female',
          confidence_interval: { lower_bound: '0.84', upper_bound: '0.86' },
        },
      ],
    },
    considerations: {
      users: [{ description: 'Researchers' }],
      use_cases: [{ description: 'Studying income prediction' }],
      limitations: [{ description: 'Data from 1994' }],
      tradeoffs: [{ description: 'Accuracy against interpretability' }],
      ethical_considerations: [{ name: 'Sex and race are features', mitigation_strategy: 'Audit by group' }],
    },
  };
}
