/// PyTorch's initialisation as a ``PackedWeightSource``: every array uniform on ±1/√H, drawn
/// in the order weight_ih, weight_hh, bias_ih, bias_hh (the canonical layout is PyTorch's own),
/// each weight computed from its place in that order.
struct PyTorchUniformDraws: PackedWeightSource {
    let inputSize: Int
    let hiddenSize: Int
    let seed: UInt64
    private let bound: Float

    init(inputSize: Int, hiddenSize: Int, seed: UInt64) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.seed = seed
        bound = 1 / Float(hiddenSize).squareRoot()
    }

    func value(_ part: PackedWeights.Part, row: Int, column: Int) -> Float {
        let i = inputSize, h = hiddenSize
        let draw: Int
        switch part {
        case .input: draw = row * i + column
        case .recurrent: draw = 3 * h * i + row * h + column
        case .inputBias: draw = 3 * h * (i + h) + row
        case .recurrentBias: draw = 3 * h * (i + h + 1) + row
        }
        return SeededGenerator.uniform(seed: seed, draw: draw, -bound, bound)
    }
}
