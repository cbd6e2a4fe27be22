package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A number as an array that autograd may keep. DJL's {@code NDArray.mul(Number)} (and {@code div},
 * {@code pow}, ...) wraps the number in a tensor over a Java direct buffer and closes it as soon as
 * the operation returns. Autograd keeps that tensor for the backward pass of {@code mul}, {@code div}
 * and {@code pow}, but nothing keeps the buffer: once the garbage collector frees it, the backward
 * pass reads freed memory and the weights turn to NaN. A scalar made here lives in memory PyTorch
 * owns ({@code torch.full}) and dies with the manager of the array it scales. Use it for every
 * number in a computation that gradients flow through.
 */
public final class Scalar {

    private Scalar() {}

    /** {@code value} as a 0-dimensional float32 array in the manager of {@code like}. */
    public static NDArray like(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, DataType.FLOAT32);
    }

    /** {@code array × value}, safe to differentiate. */
    public static NDArray times(NDArray array, double value) {
        return array.mul(like(array, value));
    }

    /** {@code array ÷ value}, safe to differentiate. */
    public static NDArray dividedBy(NDArray array, double value) {
        return array.div(like(array, value));
    }
}
