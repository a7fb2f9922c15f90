package io.plus.cli;

import io.plus.bundle.BundleManifest;
import io.plus.bundle.BundleStore;
import io.plus.bundle.ModelBundle;
import io.plus.data.Dataset;
import io.plus.data.io.DatasetReader;
import io.plus.encoder.TextEncoder;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.pipeline.BundleBinding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A verified bundle bound to a dataset folder, with the encoder the bundle was trained with
 * (embeddings must come from that one). Closing it releases the encoder.
 */
record BundleOnDataset(BundleManifest manifest, Dataset dataset, TextEncoder encoder, EmbeddingTable embeddings,
                       FittedModel model) implements AutoCloseable {

    static BundleOnDataset open(Path bundle, Path data, EncoderOptions encoderOptions) throws IOException {
        ModelBundle verified = BundleStore.read(bundle, Optional.empty());
        BundleManifest manifest = verified.manifest();
        Dataset dataset = DatasetReader.read(data, data.getFileName().toString());
        TextEncoder encoder = encoderOptions.open(manifest.encoder().id());
        try {
            BundleStore.requireEncoder(manifest, new BundleManifest.EncoderInfo(encoder.id(), encoder.dimension()));
            EmbeddingTable embeddings = EmbeddingTable.embed(dataset, encoder, done -> { });
            FittedModel model = BundleBinding.bind(verified, dataset, embeddings, encoder);
            return new BundleOnDataset(manifest, dataset, encoder, embeddings, model);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    @Override
    public void close() {
        encoder.close();
    }
}
