package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.ValidationReport;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trainer/datasets")
class DatasetController {

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    List<DatasetView> list() {
        return datasets.list();
    }

    @GetMapping("/{sha256}")
    DatasetView get(@PathVariable String sha256) {
        return datasets.get(sha256);
    }

    @GetMapping("/{sha256}/report")
    ValidationReport report(@PathVariable String sha256) {
        return datasets.report(sha256);
    }
}
