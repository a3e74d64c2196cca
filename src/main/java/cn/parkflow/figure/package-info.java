/**
 * Kernel: figures and registers that one process keeps and another reads, e.g. the incubator
 * register's count of valid high-quality incubators read by the key-task indicators, or the certified
 * incubators a landed conversion project names as its host. A process publishes a
 * {@link cn.parkflow.figure.FigureSource} or {@link cn.parkflow.figure.RegisterLookup} bean; a reader
 * asks for it by code, so neither process knows the other.
 */
@ApplicationModule(displayName = "Figures", allowedDependencies = {})
package cn.parkflow.figure;

import org.springframework.modulith.ApplicationModule;
