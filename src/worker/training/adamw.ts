import * as tf from '@tensorflow/tfjs';
import { assignFlat, readFlat } from '../model/flatState';
import type { OptimizerState } from './trainStepper';

export interface AdamWOptions {
  learningRate: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

interface Slot {
  parameter: tf.Variable;
  firstMoment: tf.Variable;
  secondMoment: tf.Variable;
}

/**
 * torch.optim.AdamW. Every constant is a tensor made once and the bias corrections live on the device,
 * so a step uploads nothing and reads nothing back.
 */
export class AdamW {
  private readonly slots: Slot[];
  private readonly weightDecay: number;
  private readonly beta1: tf.Scalar;
  private readonly beta2: tf.Scalar;
  private readonly oneMinusBeta1: tf.Scalar;
  private readonly oneMinusBeta2: tf.Scalar;
  private readonly epsilon: tf.Scalar;
  private readonly learningRateTensor: tf.Variable<tf.Rank.R0>;
  /** 1 − lr·wd, rounded to float32 as torch's in-place multiply does. */
  private readonly decayFactor: tf.Variable<tf.Rank.R0>;
  /** 1 − β^t, advanced as c ← β·c + (1 − β): float32 β^t would lose digits that 1 − β^t needs. */
  private readonly biasCorrection1: tf.Variable<tf.Rank.R0>;
  private readonly biasCorrection2: tf.Variable<tf.Rank.R0>;
  private currentLearningRate: number;
  private steps = 0;
  private readonly beta1Value: number;
  private readonly beta2Value: number;

  constructor(variables: tf.Variable[], options: AdamWOptions) {
    const { learningRate, weightDecay, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
    this.weightDecay = weightDecay;
    this.beta1Value = beta1;
    this.beta2Value = beta2;
    this.currentLearningRate = learningRate;
    this.beta1 = keptScalar(beta1);
    this.beta2 = keptScalar(beta2);
    this.oneMinusBeta1 = keptScalar(1 - beta1);
    this.oneMinusBeta2 = keptScalar(1 - beta2);
    this.epsilon = keptScalar(epsilon);
    this.learningRateTensor = scalarVariable(learningRate);
    this.decayFactor = scalarVariable(1 - learningRate * weightDecay);
    this.biasCorrection1 = scalarVariable(0);
    this.biasCorrection2 = scalarVariable(0);
    this.slots = variables.map((parameter) => ({
      parameter,
      firstMoment: tf.tidy(() => tf.variable(tf.zerosLike(parameter), false)),
      secondMoment: tf.tidy(() => tf.variable(tf.zerosLike(parameter), false)),
    }));
  }

  get learningRate(): number {
    return this.currentLearningRate;
  }

  get stepCount(): number {
    return this.steps;
  }

  setLearningRate(learningRate: number): void {
    this.currentLearningRate = learningRate;
    tf.tidy(() => {
      this.learningRateTensor.assign(tf.scalar(learningRate));
      this.decayFactor.assign(tf.scalar(1 - learningRate * this.weightDecay));
    });
  }

  async saveState(): Promise<OptimizerState> {
    return {
      stepCount: this.steps,
      firstMoments: await readFlat(this.slots.map((slot) => slot.firstMoment)),
      secondMoments: await readFlat(this.slots.map((slot) => slot.secondMoment)),
    };
  }

  loadState(state: OptimizerState): void {
    assignFlat(
      state.firstMoments,
      this.slots.map((slot) => slot.firstMoment),
    );
    assignFlat(
      state.secondMoments,
      this.slots.map((slot) => slot.secondMoment),
    );
    this.steps = state.stepCount;
    // Replays c ← β·c + (1 − β) in float32, as the device did step by step.
    const replay = (beta: number) => {
      const [b, oneMinusB] = [Math.fround(beta), Math.fround(1 - beta)];
      let c = 0;
      for (let t = 0; t < state.stepCount; t++) c = Math.fround(Math.fround(c * b) + oneMinusB);
      return c;
    };
    tf.tidy(() => {
      this.biasCorrection1.assign(tf.scalar(replay(this.beta1Value)));
      this.biasCorrection2.assign(tf.scalar(replay(this.beta2Value)));
    });
  }

  /** One step; gradients in the order of the variables given to the constructor. */
  applyGradients(gradients: tf.Tensor[]): void {
    if (gradients.length !== this.slots.length) {
      throw new Error(`expected ${this.slots.length} gradients, got ${gradients.length}`);
    }
    tf.tidy(() => {
      this.biasCorrection1.assign(tf.add(tf.mul(this.biasCorrection1, this.beta1), this.oneMinusBeta1));
      this.biasCorrection2.assign(tf.add(tf.mul(this.biasCorrection2, this.beta2), this.oneMinusBeta2));
      const stepSize = tf.div(this.learningRateTensor, this.biasCorrection1);
      const biasCorrection2Sqrt = tf.sqrt(this.biasCorrection2);
      this.slots.forEach(({ parameter, firstMoment, secondMoment }, i) => {
        const gradient = gradients[i];
        const decayed = tf.mul(parameter, this.decayFactor);
        const m = tf.add(tf.mul(firstMoment, this.beta1), tf.mul(gradient, this.oneMinusBeta1));
        const v = tf.add(tf.mul(secondMoment, this.beta2), tf.mul(tf.square(gradient), this.oneMinusBeta2));
        const denominator = tf.add(tf.div(tf.sqrt(v), biasCorrection2Sqrt), this.epsilon);
        parameter.assign(tf.sub(decayed, tf.mul(stepSize, tf.div(m, denominator))));
        firstMoment.assign(m);
        secondMoment.assign(v);
      });
    });
    this.steps += 1;
  }

  dispose(): void {
    for (const slot of this.slots) {
      slot.firstMoment.dispose();
      slot.secondMoment.dispose();
    }
    for (const t of [this.beta1, this.beta2, this.oneMinusBeta1, this.oneMinusBeta2, this.epsilon])
      t.dispose();
    for (const v of [this.learningRateTensor, this.decayFactor, this.biasCorrection1, this.biasCorrection2]) {
      v.dispose();
    }
  }
}

function keptScalar(value: number): tf.Scalar {
  return tf.keep(tf.scalar(value));
}

function scalarVariable(value: number): tf.Variable<tf.Rank.R0> {
  return tf.tidy(() => tf.variable(tf.scalar(value), false));
}
